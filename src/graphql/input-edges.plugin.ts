import type { ApolloServerPlugin } from '@apollo/server';
import {
  type ASTNode,
  type DirectiveNode,
  type DocumentNode,
  GraphQLError,
  type GraphQLSchema,
  isEnumType,
  Kind,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { AppError, RETRY_AFTER_SECONDS, type FieldProblem } from '../common/errors';
import { textProblem } from '../common/text';

/**
 * The edge of the API for input, in one place:
 * - every string a client sends (variables and literals, any String/ID/scalar position) is well-formed text
 *   (textProblem), checked before the operation runs and so before any SQL: BAD_USER_INPUT naming the path;
 * - GraphQL's own validation and variable-coercion errors name the offending input path the same way for
 *   literals and variables (`input.answers.reportingCadence`), and a wrong enum value lists the allowed values;
 * - a response with a SERVICE_UNAVAILABLE error is HTTP 503 with Retry-After, its errors only (no partial data).
 * Paths start at the argument (`input.period`, `first`), list items are `[n]` (`input.kpis[0].name`).
 */

/** What the formatter adds to an error of GraphQL's own (found by the error object). */
export interface InputErrorNote {
  fields: FieldProblem[];
  allowed?: string[];
}
const notes = new WeakMap<object, InputErrorNote>();

export function inputErrorNote(error: unknown): InputErrorNote | undefined {
  return typeof error === 'object' && error !== null ? notes.get(error) : undefined;
}

interface DocumentPaths {
  /** The input path of each argument and each value node in it. */
  nodePaths: Map<ASTNode, string>;
  /** Where each variable is first used, as an input path. */
  variableUses: Map<string, string>;
  /** Problems of literal strings: fixed per document. */
  literalProblems: FieldProblem[];
}

/** Walked once per parsed document (Apollo caches documents by query text). */
const pathsOf = new WeakMap<DocumentNode, DocumentPaths>();

function documentPaths(document: DocumentNode): DocumentPaths {
  const known = pathsOf.get(document);
  if (known) return known;
  const paths: DocumentPaths = { nodePaths: new Map(), variableUses: new Map(), literalProblems: [] };
  const walkValue = (root: ValueNode, rootPath: string) => {
    const stack: [ValueNode, string][] = [[root, rootPath]];
    while (stack.length > 0) {
      const [node, path] = stack.pop()!;
      paths.nodePaths.set(node, path);
      if (node.kind === Kind.VARIABLE) {
        if (!paths.variableUses.has(node.name.value)) paths.variableUses.set(node.name.value, path);
      } else if (node.kind === Kind.STRING) {
        const problem = textProblem(node.value);
        if (problem) paths.literalProblems.push({ field: path, message: problem });
      } else if (node.kind === Kind.LIST) {
        node.values.forEach((value, i) => stack.push([value, `${path}[${i}]`]));
      } else if (node.kind === Kind.OBJECT) {
        for (const field of node.fields) {
          paths.nodePaths.set(field, `${path}.${field.name.value}`);
          stack.push([field.value, `${path}.${field.name.value}`]);
        }
      }
    }
  };
  const walkDirectives = (directives: readonly DirectiveNode[] | undefined) => {
    for (const directive of directives ?? []) {
      for (const argument of directive.arguments ?? []) {
        paths.nodePaths.set(argument, argument.name.value);
        walkValue(argument.value, argument.name.value);
      }
    }
  };
  const walkSelections = (root: SelectionSetNode) => {
    const stack = [root];
    while (stack.length > 0) {
      for (const selection of stack.pop()!.selections) {
        walkDirectives(selection.directives);
        if (selection.kind === Kind.FIELD) {
          for (const argument of selection.arguments ?? []) {
            paths.nodePaths.set(argument, argument.name.value);
            walkValue(argument.value, argument.name.value);
          }
        }
        if (selection.kind !== Kind.FRAGMENT_SPREAD && selection.selectionSet) stack.push(selection.selectionSet);
      }
    }
  };
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION || definition.kind === Kind.FRAGMENT_DEFINITION) {
      walkDirectives(definition.directives);
      walkSelections(definition.selectionSet);
    }
  }
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    for (const variable of definition.variableDefinitions ?? []) {
      const name = variable.variable.name.value;
      if (variable.defaultValue) walkValue(variable.defaultValue, paths.variableUses.get(name) ?? name);
    }
  }
  pathsOf.set(document, paths);
  return paths;
}

/** The problems of every string in a variable's value (an explicit stack: a deeply nested value cannot overflow). */
function variableProblems(value: unknown, rootPath: string, problems: FieldProblem[]): void {
  const stack: [unknown, string][] = [[value, rootPath]];
  while (stack.length > 0 && problems.length < MAX_PROBLEMS) {
    const [item, path] = stack.pop()!;
    if (typeof item === 'string') {
      const problem = textProblem(item);
      if (problem) problems.push({ field: path, message: problem });
    } else if (Array.isArray(item)) {
      for (let i = item.length - 1; i >= 0; i--) stack.push([item[i], `${path}[${i}]`]);
    } else if (item !== null && typeof item === 'object') {
      for (const [key, inner] of Object.entries(item)) stack.push([inner, `${path}.${key}`]);
    }
  }
}

const MAX_PROBLEMS = 20;

/** `input.kpis.0.name` (class-validator) and `input.kpis[0].name` (graphql-js) are both written `input.kpis[0].name`. */
export function normaliseInputPath(path: string): string {
  return path.replace(/\.(\d+)(?=\.|\[|$)/g, '[$1]');
}

const VARIABLE_MESSAGE = /^Variable "\$([_A-Za-z][_0-9A-Za-z]*)"/;
const REQUIRED_FIELD = /Field "(?:[_A-Za-z][_0-9A-Za-z]*\.)?([_A-Za-z][_0-9A-Za-z]*)" of required type "[^"]*" was not provided\.$/;
const UNKNOWN_FIELD = /Field "([_A-Za-z][_0-9A-Za-z]*)" is not defined by type "[^"]*"\.$/;
const REQUIRED_ARGUMENT = /argument "([_A-Za-z][_0-9A-Za-z]*)" of type "[^"]*" is required/;
const ENUM_TYPE = /does not exist in "([_A-Za-z][_0-9A-Za-z]*)" enum|Enum "([_A-Za-z][_0-9A-Za-z]*)" cannot represent|Expected value of type "([_A-Za-z][_0-9A-Za-z]*)!?"/;

/** The input path a GraphQL validation or coercion error is about, or null when it is about none. */
export function pathOfGraphQLError(error: GraphQLError, paths: DocumentPaths | null): string | null {
  const message = error.message;
  const variable = VARIABLE_MESSAGE.exec(message);
  if (variable) {
    const name = variable[1];
    const use = paths?.variableUses.get(name) ?? name;
    // ` at "input.answers.reportingCadence"`: the path inside the variable's value, from graphql-js's coercion.
    const at = new RegExp(` at "${name}((?:\\.[_A-Za-z][_0-9A-Za-z]*|\\[\\d+\\])*)"; `).exec(message);
    const leaf = REQUIRED_FIELD.exec(message)?.[1] ?? UNKNOWN_FIELD.exec(message)?.[1];
    return `${use}${at?.[1] ?? ''}${leaf ? `.${leaf}` : ''}`;
  }
  const node = error.nodes?.[0];
  const nodePath = node && paths ? paths.nodePaths.get(node) : undefined;
  if (nodePath !== undefined) {
    const leaf = REQUIRED_FIELD.exec(message)?.[1];
    return leaf && node?.kind === Kind.OBJECT ? `${nodePath}.${leaf}` : nodePath;
  }
  const argument = REQUIRED_ARGUMENT.exec(message)?.[1];
  return argument ?? null;
}

function allowedValues(message: string, schema: GraphQLSchema): string[] | undefined {
  const match = ENUM_TYPE.exec(message);
  const name = match?.[1] ?? match?.[2] ?? match?.[3];
  const type = name ? schema.getType(name) : undefined;
  return type && isEnumType(type) ? type.getValues().map((v) => v.name) : undefined;
}

const GRAPHQL_INPUT_CODES = new Set(['GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT']);
const CLIENT_CODES = new Set(['BAD_USER_INPUT', 'QUERY_TOO_COMPLEX']);

export const inputEdgesPlugin: ApolloServerPlugin = {
  requestDidStart: () =>
    Promise.resolve({
      didResolveOperation: ({ document, request }) => {
        const paths = documentPaths(document);
        const problems = [...paths.literalProblems];
        for (const [name, value] of Object.entries(request.variables ?? {})) {
          variableProblems(value, paths.variableUses.get(name) ?? name, problems);
        }
        if (problems.length > 0) {
          const error = new GraphQLError(`Invalid input: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}`, {
            // A plugin's error is a 500 unless it carries its HTTP status.
            extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
          });
          notes.set(error, { fields: problems });
          throw error;
        }
        return Promise.resolve();
      },
      didEncounterErrors: ({ errors, document, schema }) => {
        const paths = document ? documentPaths(document) : null;
        for (const error of errors) {
          if (notes.has(error) || !GRAPHQL_INPUT_CODES.has(String(error.extensions?.code))) continue;
          // Errors of ours (an AppError from a resolver or pipe) carry their own fields.
          if (error.originalError && !(error.originalError instanceof GraphQLError)) continue;
          const path = pathOfGraphQLError(error, paths);
          const allowed = allowedValues(error.message, schema);
          notes.set(error, { fields: path ? [{ field: path, message: error.message }] : [], allowed });
        }
        return Promise.resolve();
      },
      willSendResponse: ({ response }) => {
        const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
        if (errors?.some((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE')) {
          // The whole request is to be retried: it is answered as a request-level error, without `data`. (With a
          // `data` key, @nestjs/apollo's last plugin resets the status of an execution error to 200.)
          response.body = { kind: 'single', singleResult: { errors: errors.filter((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE') } };
          response.http.status = 503;
          response.http.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
        } else if (response.http.status === 500 && errors?.every((e) => CLIENT_CODES.has(String(e.extensions?.code)))) {
          // Apollo answers 500 to an error a plugin raised before execution (graphql-armor's token limit while
          // parsing): the caller's document is at fault, not the service.
          response.http.status = 400;
        }
        return Promise.resolve();
      },
    }),
};

/** The longest query document (UTF-8 bytes) parsed at all; a legitimate one is a few KB (~300 tokens). */
export const MAX_DOCUMENT_BYTES = 64 * 1024;

function tooComplex(message: string): GraphQLError {
  return new GraphQLError(message, {
    originalError: new AppError('QUERY_TOO_COMPLEX', message),
    extensions: { code: 'QUERY_TOO_COMPLEX', http: { status: 400 } },
  });
}

/**
 * A document over MAX_DOCUMENT_BYTES is refused before it is parsed: HTTP 400, QUERY_TOO_COMPLEX. (The token limit
 * does not bound the bytes: comments and whitespace are no tokens.) Listed before graphql-armor's plugins.
 */
export const documentSizePlugin: ApolloServerPlugin = {
  requestDidStart: () =>
    Promise.resolve({
      parsingDidStart: ({ source }) => {
        if (source !== undefined && source.length > MAX_DOCUMENT_BYTES / 3 && Buffer.byteLength(source) > MAX_DOCUMENT_BYTES) {
          throw tooComplex(`The query document is over the size limit of ${MAX_DOCUMENT_BYTES} bytes`);
        }
        return Promise.resolve();
      },
    }),
  // An error thrown while parsing reaches Apollo as an "unexpected error": this hook decides its answer.
  unexpectedErrorProcessingRequest: ({ error }) => {
    if (error instanceof GraphQLError && error.extensions.code === 'QUERY_TOO_COMPLEX') throw error;
    return Promise.resolve();
  },
};

/**
 * A plugin that refuses a document while it is parsed (graphql-armor's token limit) makes Apollo answer HTTP 500:
 * Apollo takes an error thrown in parsingDidStart for its own failure, and graphql-armor's
 * unexpectedErrorProcessingRequest hook re-throws it without an HTTP status. Here the refusal becomes
 * QUERY_TOO_COMPLEX with status 400 (the caller's document is at fault), thrown again as it is by the
 * unexpectedErrorProcessingRequest hook (the first hook to throw decides the response); any other unexpected
 * error is left to the plugin's own hook.
 */
export function parsingRefusalsAreClientErrors(plugin: ApolloServerPlugin): ApolloServerPlugin {
  const start = plugin.requestDidStart?.bind(plugin);
  const unexpected = plugin.unexpectedErrorProcessingRequest?.bind(plugin);
  if (!start) return plugin;
  return {
    ...plugin,
    requestDidStart: async (context) => {
      const listener = await start(context);
      const parsing = listener?.parsingDidStart?.bind(listener);
      if (!listener || !parsing) return listener;
      return {
        ...listener,
        parsingDidStart: async (parsingContext) => {
          try {
            return await parsing(parsingContext);
          } catch (error) {
            if (!(error instanceof GraphQLError)) throw error;
            throw tooComplex(error.message.replace(/^Syntax Error: /, ''));
          }
        },
      };
    },
    unexpectedErrorProcessingRequest: async (context) => {
      const { error } = context;
      if (error instanceof GraphQLError && error.extensions.code === 'QUERY_TOO_COMPLEX') throw error;
      await unexpected?.(context);
    },
  };
}
