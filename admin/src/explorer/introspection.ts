/** Just enough of the introspection result to browse types, fields and their descriptions. */
export type TypeRef = { kind: string; name: string | null; ofType: TypeRef | null };
export type Field = { name: string; description: string | null; args: { name: string; description: string | null; type: TypeRef }[]; type: TypeRef };
export type SchemaType = {
  kind: string; name: string; description: string | null;
  fields: Field[] | null; inputFields: { name: string; description: string | null; type: TypeRef }[] | null;
  enumValues: { name: string; description: string | null }[] | null;
};

const typeRef = 'kind name ofType { kind name ofType { kind name ofType { kind name } } }';

export const introspectionQuery = `query Schema { __schema { types {
  kind name description
  fields { name description args { name description type { ${typeRef} } } type { ${typeRef} } }
  inputFields { name description type { ${typeRef} } }
  enumValues { name description }
} } }`;

export function typeName(ref: TypeRef): string {
  if (ref.kind === 'NON_NULL' && ref.ofType) return `${typeName(ref.ofType)}!`;
  if (ref.kind === 'LIST' && ref.ofType) return `[${typeName(ref.ofType)}]`;
  return ref.name ?? '?';
}

export function namedType(ref: TypeRef): string {
  return ref.ofType ? namedType(ref.ofType) : (ref.name ?? '');
}
