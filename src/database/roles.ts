/** The two database roles: migrations run as the owner; the service connects as the app role. */
export const OWNER_ROLE = 'smt_owner';
export const APP_ROLE = 'smt_app';
