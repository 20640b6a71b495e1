/**
 * One class per kind of model node. They add nothing to a span; V8 sizes the objects of a class by
 * the fields its first objects get, so a kind of its own keeps each node's fields inside the node.
 */
import { SourceSpan } from '../text';

export class OpeningNode extends SourceSpan {}
export class PreambularNode extends SourceSpan {}
export class OperativeNode extends SourceSpan {}
export class NumberNode extends SourceSpan {}
export class SubParagraphNode extends SourceSpan {}
export class ListItemNode extends SourceSpan {}
export class AuthorityNode extends SourceSpan {}
export class FootnoteDefinitionNode extends SourceSpan {}
export class CitationNode extends SourceSpan {}
export class CrossReferenceNode extends SourceSpan {}
export class DirectiveNode extends SourceSpan {}
