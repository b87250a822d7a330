// Sandbox, codegen and editors show the schema's descriptions; every type,
// field, argument, enum value and directive of schema/ must have one.
import {
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isSpecifiedDirective,
  isSpecifiedScalarType,
  type GraphQLArgument,
  type GraphQLSchema,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildSchema, loadTypeDefs } from '../../src/resolvers/build-schema.js';

const described = (node: { description?: string | null | undefined }) => (node.description ?? '').trim() !== '';

/** Schema coordinates (Type.field(arg:), @directive(arg:), Enum.VALUE) that have no description. */
function undocumented(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  const checkArgs = (owner: string, args: readonly GraphQLArgument[]) => {
    for (const arg of args) if (!described(arg)) missing.push(`${owner}(${arg.name}:)`);
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || isSpecifiedScalarType(type)) continue;
    if (!described(type)) missing.push(type.name);
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (!described(field)) missing.push(`${type.name}.${field.name}`);
        if ('args' in field) checkArgs(`${type.name}.${field.name}`, field.args);
      }
    }
    if (isEnumType(type)) for (const value of type.getValues()) if (!described(value)) missing.push(`${type.name}.${value.name}`);
  }
  for (const directive of schema.getDirectives()) {
    if (isSpecifiedDirective(directive)) continue;
    if (!described(directive)) missing.push(`@${directive.name}`);
    checkArgs(`@${directive.name}`, directive.args);
  }
  return missing;
}

describe('schema descriptions', () => {
  it('describe every type, field, argument, enum value and directive in schema/', () => {
    expect(undocumented(buildSchema(loadTypeDefs(), {})), 'add a "description" string before each of these in schema/').toEqual([]);
  });

  it('are found missing wherever they are missing', () => {
    const sdl = `
      "Documented."
      directive @tag(name: String) on FIELD_DEFINITION
      enum Colour { RED "Documented." GREEN }
      input Filter { colour: Colour }
      "Documented."
      type Query { "Documented." paint(colour: Colour, "Documented." filter: Filter): String @tag(name: "x") }
    `;
    expect(undocumented(buildSchema([sdl], {})).sort()).toEqual(['@tag(name:)', 'Colour', 'Colour.RED', 'Filter', 'Filter.colour', 'Query.paint(colour:)']);
  });
});
