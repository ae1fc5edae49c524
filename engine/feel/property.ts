/**
 * An expression property as Zeebe reads it (FeelExpressionLanguage.parseExpression): '=' followed by at least one
 * character is a FEEL expression, anything else (including a lone '=') a static value.
 */
export type ExpressionProperty =
  | { readonly kind: 'feel'; readonly feel: string }
  | { readonly kind: 'static'; readonly text: string };

/** Splits an expression property into FEEL text (without the '=') or a static value. */
export function parseProperty(expression: string): ExpressionProperty {
  return expression.length > 1 && expression.startsWith('=')
    ? { kind: 'feel', feel: expression.slice(1) }
    : { kind: 'static', text: expression };
}

/** What `new BigDecimal(text)` accepts: Zeebe types such a static value as a NUMBER. */
const BIG_DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * The typed value of a static property (Zeebe's StaticExpression, as of 8.3-8.5): a decimal literal is a number,
 * anything else the string itself. Used where Zeebe type-checks the result (job type, retries).
 */
export function staticValue(text: string): number | string {
  return BIG_DECIMAL.test(text) ? Number(text) : text;
}
