/**
 * The JSDoc tags that carry a TypeScript function's types once the annotations are gone:
 * `@template`, `@this`, `@param` and `@returns`.
 */
import { type SourceFile, type t } from './babel-ast.js';
import { contentLines, type JsDocTag } from './jsdoc-comment.js';
import { printType } from './type-to-jsdoc.js';

export function templateTags(declaration: t.Node | null | undefined, file: SourceFile): JsDocTag[] {
  if (!declaration || declaration.type !== 'TSTypeParameterDeclaration') return [];
  return declaration.params.map((parameter) => ({
    tag: 'template',
    type: parameter.constraint ? printType(parameter.constraint, file) : undefined,
    name: parameter.default ? `[${parameter.name}=${printType(parameter.default, file)}]` : parameter.name,
  }));
}

interface ParameterDoc {
  name: string;
  type: string | undefined;
  optional: boolean;
  /** Destructured parameters are matched to `@param` tags by position, not by name. */
  positional: boolean;
}

export function functionTags(fn: t.Function | t.TSDeclareMethod, file: SourceFile, existingDocValue: string | undefined): JsDocTag[] {
  const tags = templateTags(fn.typeParameters, file);
  const existingParamNames = existingParameterNames(existingDocValue);
  const parameters: ParameterDoc[] = [];
  for (const parameter of fn.params) {
    if (parameter.type === 'Identifier' && parameter.name === 'this') {
      if (parameter.typeAnnotation) tags.push({ tag: 'this', type: printType(parameter.typeAnnotation, file) });
      continue;
    }
    parameters.push(describeParameter(parameter, parameters.length, existingParamNames, file));
  }
  const lastPositional = parameters.map((parameter) => parameter.positional).lastIndexOf(true);
  parameters.forEach((parameter, index) => {
    // A tag is only needed for a typed parameter, or to keep positions aligned before a destructured one.
    if (parameter.type === undefined && index > lastPositional) return;
    tags.push({
      tag: 'param',
      type: parameter.type ?? '*',
      name: parameter.optional ? `[${parameter.name}]` : parameter.name,
    });
  });
  const returnsValue = !('kind' in fn) || (fn.kind !== 'constructor' && fn.kind !== 'set');
  if (fn.returnType && fn.returnType.type === 'TSTypeAnnotation' && returnsValue) {
    tags.push({ tag: 'returns', type: printType(fn.returnType, file) });
  }
  // `(): void => …` says nothing inference does not: a block holding only that is noise.
  const onlyVoid = tags.length === 1 && tags[0]?.tag === 'returns' && tags[0].type === 'void';
  return onlyVoid ? [] : tags;
}

export function hasTypedSignature(fn: t.Function): boolean {
  return Boolean(fn.typeParameters || fn.returnType || fn.params.some((parameter) => typeAnnotationOf(parameter)));
}

function describeParameter(
  parameter: t.Function['params'][number] | t.TSParameterProperty,
  index: number,
  existingNames: string[],
  file: SourceFile,
): ParameterDoc {
  const annotation = typeAnnotationOf(parameter);
  const type = annotation ? printType(annotation, file) : undefined;
  switch (parameter.type) {
    case 'Identifier':
      return { name: parameter.name, type, optional: Boolean(parameter.optional), positional: false };
    case 'AssignmentPattern': {
      const inner = describeParameter(parameter.left as t.Function['params'][number], index, existingNames, file);
      return { ...inner, optional: true };
    }
    case 'RestElement': {
      const name = parameter.argument.type === 'Identifier' ? parameter.argument.name : (existingNames[index] ?? 'rest');
      const element = annotation?.type === 'TSTypeAnnotation' && annotation.typeAnnotation.type === 'TSArrayType'
        ? `...${printType(annotation.typeAnnotation.elementType, file)}`
        : type;
      return { name, type: element, optional: false, positional: parameter.argument.type !== 'Identifier' };
    }
    default: {
      const fallback = parameter.type === 'ArrayPattern' ? 'values' : 'options';
      return { name: existingNames[index] ?? fallback, type, optional: false, positional: true };
    }
  }
}

function typeAnnotationOf(parameter: t.Node): t.TSTypeAnnotation | undefined {
  const annotation = 'typeAnnotation' in parameter ? parameter.typeAnnotation : undefined;
  if (annotation && typeof annotation === 'object' && annotation.type === 'TSTypeAnnotation') return annotation;
  if (parameter.type === 'AssignmentPattern') return typeAnnotationOf(parameter.left);
  if (parameter.type === 'RestElement') return typeAnnotationOf(parameter.argument);
  return undefined;
}

/** Parameter names an existing block gives, in order, so destructured parameters keep the author's name. */
function existingParameterNames(existingDocValue: string | undefined): string[] {
  if (existingDocValue === undefined) return [];
  return contentLines(existingDocValue)
    .map((line) => /^@(?:param|arg|argument)\s+(?:\{.*?\}\s+)?\[?([\w$]+)/.exec(line)?.[1])
    .filter((name): name is string => name !== undefined);
}
