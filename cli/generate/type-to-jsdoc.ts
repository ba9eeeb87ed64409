/**
 * Prints a TypeScript type node as the type expression of a JSDoc tag (`@param {…}`).
 * TypeScript reads its own type syntax inside JSDoc braces, so the printer's job is to
 * produce one clean line: no comments, no line breaks, members separated by `;`.
 */
import { endOf, startOf, type SourceFile, type t } from './babel-ast.js';

export function printType(node: t.Node, file: SourceFile): string {
  return new TypePrinter(file).print(node);
}

/** Type parameters as written in a type: `<T extends A = B>`, or empty. */
export function printTypeParameters(declaration: t.TSTypeParameterDeclaration | null | undefined, file: SourceFile): string {
  return new TypePrinter(file).typeParameters(declaration);
}

type Parameter = t.Identifier | t.RestElement | t.ObjectPattern | t.ArrayPattern | t.AssignmentPattern | t.TSParameterProperty;

class TypePrinter {
  constructor(private readonly file: SourceFile) {}

  print(node: t.Node): string {
    switch (node.type) {
      case 'TSTypeAnnotation':
        return this.print(node.typeAnnotation);
      case 'TSAnyKeyword':
        return 'any';
      case 'TSUnknownKeyword':
        return 'unknown';
      case 'TSNumberKeyword':
        return 'number';
      case 'TSStringKeyword':
        return 'string';
      case 'TSBooleanKeyword':
        return 'boolean';
      case 'TSBigIntKeyword':
        return 'bigint';
      case 'TSSymbolKeyword':
        return 'symbol';
      case 'TSObjectKeyword':
        return 'object';
      case 'TSNeverKeyword':
        return 'never';
      case 'TSVoidKeyword':
        return 'void';
      case 'TSUndefinedKeyword':
        return 'undefined';
      case 'TSNullKeyword':
        return 'null';
      case 'TSIntrinsicKeyword':
        return 'intrinsic';
      case 'TSThisType':
        return 'this';
      case 'Identifier':
        return node.name;
      case 'TSQualifiedName':
        return `${this.print(node.left)}.${this.print(node.right)}`;
      case 'TSTypeReference':
        return this.print(node.typeName) + this.typeArguments(node.typeParameters);
      case 'TSExpressionWithTypeArguments':
        return this.print(node.expression) + this.typeArguments(node.typeParameters);
      case 'TSUnionType':
        return node.types.map((member) => this.operand(member, 'union')).join(' | ');
      case 'TSIntersectionType':
        return node.types.map((member) => this.operand(member, 'intersection')).join(' & ');
      case 'TSArrayType':
        return `${this.operand(node.elementType, 'postfix')}[]`;
      case 'TSIndexedAccessType':
        return `${this.operand(node.objectType, 'postfix')}[${this.print(node.indexType)}]`;
      case 'TSTypeOperator':
        return `${node.operator} ${this.operand(node.typeAnnotation, 'prefix')}`;
      case 'TSTypeQuery':
        return `typeof ${this.print(node.exprName)}${this.typeArguments(node.typeParameters)}`;
      case 'TSParenthesizedType':
        return `(${this.print(node.typeAnnotation)})`;
      case 'TSLiteralType':
        return this.literal(node.literal);
      case 'TSTupleType':
        return `[${node.elementTypes.map((element) => this.print(element)).join(', ')}]`;
      case 'TSNamedTupleMember':
        return `${node.label.name}${node.optional ? '?' : ''}: ${this.print(node.elementType)}`;
      case 'TSOptionalType':
        return `${this.operand(node.typeAnnotation, 'postfix')}?`;
      case 'TSRestType':
        return `...${this.operand(node.typeAnnotation, 'prefix')}`;
      case 'TSFunctionType':
        return this.functionType('', node.typeParameters, node.parameters, node.typeAnnotation);
      case 'TSConstructorType':
        return this.functionType(node.abstract ? 'abstract new ' : 'new ', node.typeParameters, node.parameters, node.typeAnnotation);
      case 'TSTypeLiteral':
        return this.members(node.members);
      case 'TSConditionalType':
        return `${this.operand(node.checkType, 'conditional')} extends ${this.operand(node.extendsType, 'conditional')} ? ${this.print(node.trueType)} : ${this.print(node.falseType)}`;
      case 'TSInferType':
        return `infer ${this.typeParameter(node.typeParameter)}`;
      case 'TSTypePredicate': {
        const subject = node.parameterName.type === 'Identifier' ? node.parameterName.name : 'this';
        const predicate = node.typeAnnotation ? `${subject} is ${this.print(node.typeAnnotation)}` : subject;
        return node.asserts ? `asserts ${predicate}` : predicate;
      }
      case 'TSImportType': {
        const qualifier = node.qualifier ? `.${this.print(node.qualifier)}` : '';
        return `import(${this.text(node.argument)})${qualifier}${this.typeArguments(node.typeParameters)}`;
      }
      case 'TSMappedType':
        return this.mappedType(node);
      default:
        return this.text(node);
    }
  }

  private parameters(parameters: readonly t.Node[]): string {
    return `(${parameters.map((parameter) => this.parameter(parameter as Parameter)).join(', ')})`;
  }

  private parameter(parameter: Parameter): string {
    switch (parameter.type) {
      case 'Identifier':
        return `${parameter.name}${parameter.optional ? '?' : ''}${this.annotation(parameter.typeAnnotation)}`;
      case 'RestElement':
        return `...${this.bindingText(parameter.argument)}${this.annotation(parameter.typeAnnotation)}`;
      case 'ObjectPattern':
      case 'ArrayPattern':
        return `${this.bindingText(parameter)}${this.annotation(parameter.typeAnnotation)}`;
      default:
        return this.text(parameter);
    }
  }

  private annotation(annotation: t.Node | null | undefined): string {
    return annotation && annotation.type === 'TSTypeAnnotation' ? `: ${this.print(annotation)}` : '';
  }

  /** A binding pattern without its type: `{ a, b }` (defaults are not allowed in types anyway). */
  private bindingText(pattern: t.Node): string {
    const annotation = 'typeAnnotation' in pattern ? pattern.typeAnnotation : null;
    const end = annotation ? startOf(annotation) : endOf(pattern);
    return this.slice(startOf(pattern), end);
  }

  private functionType(
    prefix: string,
    typeParameters: t.TSTypeParameterDeclaration | null | undefined,
    parameters: readonly t.Node[],
    returnType: t.TSTypeAnnotation | null | undefined,
  ): string {
    const returns = returnType ? this.print(returnType) : 'void';
    return `${prefix}${this.typeParameters(typeParameters)}${this.parameters(parameters)} => ${returns}`;
  }

  typeParameters(declaration: t.TSTypeParameterDeclaration | null | undefined): string {
    if (!declaration || declaration.params.length === 0) return '';
    return `<${declaration.params.map((parameter) => this.typeParameter(parameter)).join(', ')}>`;
  }

  private typeParameter(parameter: t.TSTypeParameter): string {
    const constraint = parameter.constraint ? ` extends ${this.print(parameter.constraint)}` : '';
    const fallback = parameter.default ? ` = ${this.print(parameter.default)}` : '';
    return `${parameter.const ? 'const ' : ''}${parameter.name}${constraint}${fallback}`;
  }

  private typeArguments(instantiation: t.TSTypeParameterInstantiation | null | undefined): string {
    if (!instantiation || instantiation.params.length === 0) return '';
    return `<${instantiation.params.map((argument) => this.print(argument)).join(', ')}>`;
  }

  private members(members: readonly t.TSTypeElement[]): string {
    if (members.length === 0) return '{}';
    return `{ ${members.map((member) => this.member(member)).join('; ')} }`;
  }

  private member(member: t.TSTypeElement): string {
    switch (member.type) {
      case 'TSPropertySignature': {
        const readonly = member.readonly ? 'readonly ' : '';
        return `${readonly}${this.key(member.key, member.computed)}${member.optional ? '?' : ''}${this.annotation(member.typeAnnotation)}`;
      }
      case 'TSMethodSignature': {
        const key = `${this.key(member.key, member.computed)}${member.optional ? '?' : ''}`;
        const accessor = member.kind === 'get' || member.kind === 'set' ? `${member.kind} ` : '';
        const returns = member.typeAnnotation ? `: ${this.print(member.typeAnnotation)}` : '';
        return `${accessor}${key}${this.typeParameters(member.typeParameters)}${this.parameters(member.parameters)}${returns}`;
      }
      case 'TSIndexSignature': {
        const readonly = member.readonly ? 'readonly ' : '';
        return `${readonly}[${member.parameters.map((parameter) => this.parameter(parameter)).join(', ')}]${this.annotation(member.typeAnnotation)}`;
      }
      case 'TSCallSignatureDeclaration':
        return `${this.typeParameters(member.typeParameters)}${this.parameters(member.parameters)}${this.annotation(member.typeAnnotation)}`;
      case 'TSConstructSignatureDeclaration':
        return `new ${this.typeParameters(member.typeParameters)}${this.parameters(member.parameters)}${this.annotation(member.typeAnnotation)}`;
      default:
        return this.text(member);
    }
  }

  private key(key: t.Node, computed: boolean | null | undefined): string {
    const text = key.type === 'Identifier' ? key.name : this.text(key);
    return computed ? `[${text}]` : text;
  }

  private mappedType(node: t.TSMappedType): string {
    const readonly = modifier(node.readonly, 'readonly ');
    const optional = modifier(node.optional, '?');
    const constraint = node.typeParameter.constraint ? this.print(node.typeParameter.constraint) : 'unknown';
    const rename = node.nameType ? ` as ${this.print(node.nameType)}` : '';
    const value = node.typeAnnotation ? `: ${this.print(node.typeAnnotation)}` : '';
    return `{ ${readonly}[${node.typeParameter.name} in ${constraint}${rename}]${optional}${value} }`;
  }

  private literal(literal: t.Node): string {
    if (literal.type !== 'TemplateLiteral') return this.file.text.slice(startOf(literal), endOf(literal));
    let text = '`';
    literal.quasis.forEach((quasi, index) => {
      text += quasi.value.raw;
      const expression = literal.expressions[index];
      if (expression) text += `\${${this.print(expression)}}`;
    });
    return `${text}\``;
  }

  /** Wraps an operand in parentheses where the surrounding operator binds tighter. */
  private operand(node: t.Node, context: 'union' | 'intersection' | 'postfix' | 'prefix' | 'conditional'): string {
    const printed = this.print(node);
    const loose = ['TSFunctionType', 'TSConstructorType', 'TSConditionalType'].includes(node.type);
    const needsParentheses =
      loose ||
      (node.type === 'TSUnionType' && context !== 'union' && context !== 'conditional') ||
      (node.type === 'TSIntersectionType' && (context === 'postfix' || context === 'prefix')) ||
      ((node.type === 'TSTypeOperator' || node.type === 'TSInferType') && context === 'postfix');
    return needsParentheses ? `(${printed})` : printed;
  }

  /** The node's own source text on one line, for anything without a printer of its own. */
  private text(node: t.Node): string {
    return this.slice(startOf(node), endOf(node));
  }

  /** Source text without its comments, joined onto one line. */
  private slice(start: number, end: number): string {
    let text = '';
    let cursor = start;
    for (const comment of this.file.comments) {
      if (startOf(comment) < start || endOf(comment) > end) continue;
      text += this.file.text.slice(cursor, startOf(comment));
      cursor = endOf(comment);
    }
    text += this.file.text.slice(cursor, end);
    return text.replace(/\s*\n\s*/g, ' ').trim();
  }
}

function modifier(value: boolean | '+' | '-' | null | undefined, text: string): string {
  if (value === '+') return `+${text}`;
  if (value === '-') return `-${text}`;
  return value ? text : '';
}
