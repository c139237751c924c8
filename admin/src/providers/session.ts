import { identityFields } from './fields.ts';

/** Who is signed in, and the actions the server lets them take. */
export const meQuery = `query Me { me { ${identityFields} } permissions }`;
export const loginMutation = `mutation Login($email: String!, $password: String!) { login(input: { email: $email, password: $password }) { id } }`;
export const logoutMutation = 'mutation Logout { logout }';
