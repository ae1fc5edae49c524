/** The ModifyProcessInstance request as the state machine reads it (int64 fields as decimal strings). */

/** Variables for a scope: `scopeId` empty means the process instance. */
export interface VariableInstruction {
  readonly variables: string;
  readonly scopeId: string;
}

/** Activates `elementId`; an `ancestorElementInstanceKey` above 0 chooses the ancestor it goes under. */
export interface ActivateInstruction {
  readonly elementId: string;
  readonly ancestorElementInstanceKey: string;
  readonly variableInstructions: readonly VariableInstruction[];
}

export interface ModifyRequest {
  readonly processInstanceKey: string;
  readonly activateInstructions: readonly ActivateInstruction[];
  readonly terminateInstructions: readonly { readonly elementInstanceKey: string }[];
}

/** The ancestor an instruction selects, or `undefined` (-1 and 0 select none, as in real Zeebe). */
export function selectedAncestor(instruction: ActivateInstruction): string | undefined {
  return BigInt(instruction.ancestorElementInstanceKey) > 0n ? instruction.ancestorElementInstanceKey : undefined;
}
