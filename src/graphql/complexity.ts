import {
  type DirectiveNode,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  getNamedType,
  getNullableType,
  GraphQLBoolean,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  isInterfaceType,
  isLeafType,
  isListType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  SchemaMetaFieldDef,
  type SelectionSetNode,
  TypeMetaFieldDef,
  TypeNameMetaFieldDef,
  type ValueNode,
  valueFromAST,
  valueFromASTUntyped,
} from 'graphql';

/**
 * The estimated cost of a GraphQL operation, computed from the document alone (before any resolver, so before any
 * SQL): the cost of a selection set is the sum over its fields of (1 + the cost of the field's own selection) x the
 * field's multiplier. The multiplier is 1 for an object or leaf field, and for a field that returns a list of
 * objects (or a page of them) the number of items it may return:
 * - the value of its `first` or `last` argument (a literal or a variable), or that argument's schema default;
 * - otherwise the fixed estimate of LIST_ESTIMATES (every such field must be listed: a unit test checks it);
 * - a connection's `edges` count 1: the page size is paid at the connection field that takes `first`.
 * Aliases count separately, fragments are expanded (each fragment is compiled once and shared), and a field or
 * fragment skipped by @skip/@include costs nothing. Lists of leaves (enums, strings) count as one field.
 */

/** The expected length of every list of objects that takes no `first`/`last` argument. */
export const LIST_ESTIMATES: Readonly<Record<string, number>> = {
  /** Seven dimensions, always. */
  'Assessment.dimensions': 7,
  'Growth.trends': 7,
  /** The scoring model gives at most one finding per rule; about 20 in practice. */
  'Assessment.findings': 20,
  /** Until `Growth.points(last:)` exists (then its value or default is used): its default page. */
  'Growth.points': 20,
  /** Until `Portfolio.entries(first:)` exists: its default page. */
  'Portfolio.entries': 50,
  /** At most 20 KPIs per initiative (CreateInitiativeInput). */
  'Initiative.kpis': 20,
  /** A central team and its spokes: a handful; 20 is a large organisation. */
  'Query.teams': 20,
  'Tenant.teams': 20,
  'Team.members': 50,
  /** Nine responsibilities. */
  'Tenant.responsibilities': 9,
  'Query.webhooks': 20,
  /** A tenant's API keys and invitations: a handful (at most 200 are returned). */
  'Query.apiKeys': 10,
  'Query.invitations': 20,
  /** At most WEBHOOKS_MAX_ATTEMPTS (20) attempts. */
  'WebhookDelivery.attemptLog': 20,
  /** At most ROADMAP_MAX_STEPS (10) steps. */
  'Roadmap.steps': 10,
  /** Eight questionnaire items; a distribution has at most five values (ratings, cadences). */
  'Campaign.items': 8,
  'ItemAggregate.distribution': 5,
  /** Eleven departments at most (groups of at least 3 responses), each with its eight items. */
  'Campaign.departments': 11,
  'DepartmentAggregate.items': 8,
  /** At most 200 respondents per call (inviteRespondents). */
  'Mutation.inviteRespondents': 200,
};

/** A list of objects not in LIST_ESTIMATES (a field added later without a decision): a cautious guess. */
export const UNLISTED_LIST_ESTIMATE = 50;

/** The arguments that bound a list, in the order they are looked for. */
const PAGE_ARGUMENTS = ['first', 'last'] as const;

type Condition = { skip: boolean; value: ValueNode };

/** How many items a field counts for: a constant, or a page argument read per request. */
type Multiplier =
  | { kind: 'fixed'; n: number }
  | { kind: 'argument'; argument: GraphQLArgument; value: ValueNode | undefined; fallback: number };

interface CostField {
  conditions: Condition[];
  multiplier: Multiplier;
  child: CostSelection | null;
}

/** A compiled selection set: its fields and the fragments (inline or named, shared) it expands. */
interface CostSelection {
  fields: CostField[];
  fragments: { conditions: Condition[]; selection: CostSelection }[];
}

interface CompiledDocument {
  schema: GraphQLSchema;
  fragments: Map<string, CostSelection>;
  operations: Map<OperationDefinitionNode, CostSelection>;
}

/**
 * Compiled once per parsed document (Apollo keeps one DocumentNode per query text in its document cache), like the
 * `first` arguments of list-limits.plugin.ts; only the argument values, which may come from variables, are read per
 * request.
 */
const compiledDocuments = new WeakMap<DocumentNode, CompiledDocument>();

function conditionsOf(directives: readonly DirectiveNode[] | undefined): Condition[] {
  const conditions: Condition[] = [];
  for (const directive of directives ?? []) {
    const name = directive.name.value;
    if (name !== 'skip' && name !== 'include') continue;
    const value = directive.arguments?.find((a) => a.name.value === 'if')?.value;
    if (value) conditions.push({ skip: name === 'skip', value });
  }
  return conditions;
}

function fieldDefinition(type: GraphQLNamedType, name: string, schema: GraphQLSchema): GraphQLField<unknown, unknown> | undefined {
  if (name === TypeNameMetaFieldDef.name) return TypeNameMetaFieldDef;
  if (type === schema.getQueryType()) {
    if (name === SchemaMetaFieldDef.name) return SchemaMetaFieldDef;
    if (name === TypeMetaFieldDef.name) return TypeMetaFieldDef;
  }
  if (isObjectType(type) || isInterfaceType(type)) return type.getFields()[name];
  return undefined;
}

function multiplierOf(parent: GraphQLNamedType, field: GraphQLField<unknown, unknown>, node: FieldNode): Multiplier {
  const returned = getNullableType(field.type);
  const named = getNamedType(field.type);
  for (const name of PAGE_ARGUMENTS) {
    const argument = field.args.find((a) => a.name === name);
    if (argument) {
      const value = node.arguments?.find((a) => a.name.value === name)?.value;
      const fallback = typeof argument.defaultValue === 'number' ? argument.defaultValue : listEstimate(parent, field);
      return { kind: 'argument', argument, value, fallback };
    }
  }
  if (!isListType(returned) || isLeafType(named) || parent.name.startsWith('__')) return { kind: 'fixed', n: 1 };
  if (field.name === 'edges' && parent.name.endsWith('Connection')) return { kind: 'fixed', n: 1 };
  return { kind: 'fixed', n: listEstimate(parent, field) };
}

function listEstimate(parent: GraphQLNamedType, field: GraphQLField<unknown, unknown>): number {
  return LIST_ESTIMATES[`${parent.name}.${field.name}`] ?? UNLISTED_LIST_ESTIMATE;
}

function compileSelection(
  compiled: CompiledDocument,
  document: DocumentNode,
  type: GraphQLNamedType,
  selectionSet: SelectionSetNode,
): CostSelection {
  const selection: CostSelection = { fields: [], fragments: [] };
  for (const node of selectionSet.selections) {
    if (node.kind === Kind.FIELD) {
      const definition = fieldDefinition(type, node.name.value, compiled.schema);
      const childType = definition ? getNamedType(definition.type) : undefined;
      selection.fields.push({
        conditions: conditionsOf(node.directives),
        multiplier: definition ? multiplierOf(type, definition, node) : { kind: 'fixed', n: 1 },
        child:
          node.selectionSet && childType ? compileSelection(compiled, document, childType, node.selectionSet) : null,
      });
    } else if (node.kind === Kind.INLINE_FRAGMENT) {
      const condition = node.typeCondition ? compiled.schema.getType(node.typeCondition.name.value) : type;
      selection.fragments.push({
        conditions: conditionsOf(node.directives),
        selection: compileSelection(compiled, document, condition ?? type, node.selectionSet),
      });
    } else {
      const fragment = compileFragment(compiled, document, node.name.value);
      if (fragment) selection.fragments.push({ conditions: conditionsOf(node.directives), selection: fragment });
    }
  }
  return selection;
}

function compileFragment(compiled: CompiledDocument, document: DocumentNode, name: string): CostSelection | undefined {
  const known = compiled.fragments.get(name);
  if (known) return known;
  const definition = document.definitions.find(
    (d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === name,
  );
  const type = definition ? compiled.schema.getType(definition.typeCondition.name.value) : undefined;
  if (!definition || !type) return undefined;
  // Registered before its body is compiled: a fragment cycle (refused by validation) cannot recurse forever here.
  const selection: CostSelection = { fields: [], fragments: [] };
  compiled.fragments.set(name, selection);
  const body = compileSelection(compiled, document, type, definition.selectionSet);
  selection.fields.push(...body.fields);
  selection.fragments.push(...body.fragments);
  return selection;
}

function compileOperation(document: DocumentNode, schema: GraphQLSchema, operation: OperationDefinitionNode): CostSelection {
  let compiled = compiledDocuments.get(document);
  if (compiled?.schema !== schema) {
    compiled = { schema, fragments: new Map(), operations: new Map() };
    compiledDocuments.set(document, compiled);
  }
  const known = compiled.operations.get(operation);
  if (known) return known;
  const root = schema.getRootType(operation.operation);
  const selection = root ? compileSelection(compiled, document, root, operation.selectionSet) : { fields: [], fragments: [] };
  compiled.operations.set(operation, selection);
  return selection;
}

function included(conditions: Condition[], variables: Record<string, unknown> | undefined): boolean {
  for (const { skip, value } of conditions) {
    const on = valueFromAST(value, GraphQLBoolean, variables) === true;
    if (skip === on) return false;
  }
  return true;
}

function multiplierValue(multiplier: Multiplier, variables: Record<string, unknown> | undefined): number {
  if (multiplier.kind === 'fixed') return multiplier.n;
  const value: unknown = multiplier.value ? valueFromAST(multiplier.value, multiplier.argument.type, variables) : undefined;
  // A variable left out or null takes the default; out-of-range values are refused by the list limits.
  return typeof value === 'number' ? Math.max(value, 0) : multiplier.fallback;
}

function evaluate(
  selection: CostSelection,
  variables: Record<string, unknown> | undefined,
  memo: Map<CostSelection, number>,
): number {
  const known = memo.get(selection);
  if (known !== undefined) return known;
  memo.set(selection, 0); // a (refused) fragment cycle contributes nothing instead of recursing
  let cost = 0;
  for (const field of selection.fields) {
    if (!included(field.conditions, variables)) continue;
    const child = field.child ? evaluate(field.child, variables, memo) : 0;
    cost += (1 + child) * multiplierValue(field.multiplier, variables);
  }
  for (const fragment of selection.fragments) {
    if (included(fragment.conditions, variables)) cost += evaluate(fragment.selection, variables, memo);
  }
  memo.set(selection, cost);
  return cost;
}

/**
 * The estimated cost of `operation` of `document` with these variables. The walk of the document is cached per
 * document; the evaluation is linear in the size of the document (shared fragments are evaluated once).
 */
export function estimateCost(
  document: DocumentNode,
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  variables?: Record<string, unknown>,
): number {
  let values = variables;
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    // A variable left out takes its default (as execution does); valueFromAST would see it as absent.
    if (definition.defaultValue && !(values && name in values)) {
      values = { ...values, [name]: valueFromASTUntyped(definition.defaultValue) };
    }
  }
  return evaluate(compileOperation(document, schema, operation), values, new Map());
}

/** Every list of objects in the schema that takes no page argument, as `Type.field` (for the LIST_ESTIMATES check). */
export function unboundedListFields(schema: GraphQLSchema): string[] {
  const found: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || !(isObjectType(type) || isInterfaceType(type))) continue;
    for (const field of Object.values(type.getFields())) {
      const named = getNamedType(field.type);
      if (!isListType(getNullableType(field.type)) || isLeafType(named)) continue;
      if (field.args.some((a) => (PAGE_ARGUMENTS as readonly string[]).includes(a.name))) continue;
      if (field.name === 'edges' && type.name.endsWith('Connection')) continue;
      found.push(`${type.name}.${field.name}`);
    }
  }
  return found.sort();
}
