/**
 * Interfaces and type aliases become `@typedef` blocks. Object shapes are written as
 * `@typedef {object}` with one `@property` per member, so each member's own comment
 * survives as its description; other shapes become `@typedef {Type} Name`.
 */
import { endOf, lineOf, startOf, type SourceFile, type t } from './babel-ast.js';
import { templateTags } from './function-jsdoc.js';
import { descriptionOf, mergeJsDocLines, type JsDocTag } from './jsdoc-comment.js';
import { printType } from './type-to-jsdoc.js';

export function typedefLines(
  declaration: t.TSInterfaceDeclaration | t.TSTypeAliasDeclaration,
  file: SourceFile,
  existingDocValue: string | undefined,
): string[] {
  const name = declaration.id.name;
  const tags = templateTags(declaration.typeParameters, file);
  const shape = objectShape(declaration);
  if (shape && shape.members.every(isDocumentableMember)) {
    tags.push({ tag: 'typedef', type: 'object', name });
    tags.push(...shape.members.map((member, index) => propertyTag(member, shape.members[index - 1], shape.openBrace, file)));
  } else {
    tags.push({ tag: 'typedef', type: typedefType(declaration, file), name });
  }
  return mergeJsDocLines(existingDocValue, tags);
}

interface ObjectShape {
  members: t.TSTypeElement[];
  /** Where the members start: comments before this belong to the declaration, not a member. */
  openBrace: number;
}

function objectShape(declaration: t.TSInterfaceDeclaration | t.TSTypeAliasDeclaration): ObjectShape | undefined {
  if (declaration.type === 'TSInterfaceDeclaration') {
    if (declaration.extends && declaration.extends.length > 0) return undefined;
    return { members: declaration.body.body, openBrace: startOf(declaration.body) };
  }
  const value = declaration.typeAnnotation;
  return value.type === 'TSTypeLiteral' ? { members: value.members, openBrace: startOf(value) } : undefined;
}

function isDocumentableMember(member: t.TSTypeElement): boolean {
  return (member.type === 'TSPropertySignature' || member.type === 'TSMethodSignature') && !member.computed && member.key.type === 'Identifier';
}

function typedefType(declaration: t.TSInterfaceDeclaration | t.TSTypeAliasDeclaration, file: SourceFile): string {
  if (declaration.type === 'TSTypeAliasDeclaration') return printType(declaration.typeAnnotation, file);
  const bases = (declaration.extends ?? []).map((base) => printType(base, file));
  const body = printType({ ...declaration.body, type: 'TSTypeLiteral', members: declaration.body.body } as t.TSTypeLiteral, file);
  return [...bases, ...(declaration.body.body.length > 0 || bases.length === 0 ? [body] : [])].join(' & ');
}

function propertyTag(member: t.TSTypeElement, previous: t.TSTypeElement | undefined, openBrace: number, file: SourceFile): JsDocTag {
  const signature = member as t.TSPropertySignature | t.TSMethodSignature;
  const key = (signature.key as t.Identifier).name;
  const name = signature.optional ? `[${key}]` : key;
  const type = member.type === 'TSMethodSignature' ? methodType(member, file) : signature.typeAnnotation ? printType(signature.typeAnnotation, file) : 'any';
  const description = memberDescription(member, previous ? endOf(previous) : openBrace, previous ? lineOf(previous) : -1, file);
  return { tag: 'property', type, name, description: description || undefined };
}

function methodType(member: t.TSMethodSignature, file: SourceFile): string {
  const returns = member.typeAnnotation ?? null;
  if (member.kind === 'get') return returns ? printType(returns, file) : 'any';
  // A method signature and a function type read the same once the name is taken off.
  const functionType: t.TSFunctionType = {
    type: 'TSFunctionType',
    typeParameters: member.typeParameters,
    parameters: member.parameters,
    typeAnnotation: returns,
    start: member.start,
    end: member.end,
    loc: member.loc,
  };
  return printType(functionType, file);
}

/**
 * A member's description: the comments written above it, or else a comment at the end of
 * its line. A comment at the end of the previous member's line belongs to that member.
 */
function memberDescription(member: t.TSTypeElement, after: number, previousLine: number, file: SourceFile): string {
  const memberLine = lineOf(member);
  const memberEndLine = member.loc?.end.line ?? memberLine;
  const above = file.comments.filter(
    (comment) => startOf(comment) >= after && endOf(comment) <= startOf(member) && lineOf(comment) !== previousLine,
  );
  const sameLine = file.comments.filter((comment) => startOf(comment) >= endOf(member) && lineOf(comment) === memberEndLine);
  const chosen = above.length > 0 ? above : sameLine.slice(0, 1);
  return chosen
    .map((comment) => (comment.type === 'CommentBlock' ? descriptionOf(comment.value) : comment.value.trim()))
    .filter((text) => text !== '')
    .join(' ');
}
