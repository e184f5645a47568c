package de.leitstand.prioritization.internal.board;

/**
 * For tests: what someone with write access to the database could compute to cover a change up, using the
 * published rule of the chain (canonical text, SHA-256 over the previous hash and it).
 */
public final class ChainForgery {

	private ChainForgery() {
	}

	/** The hash a decision's stored fields give at its place in the chain (after someone changed them). */
	public static String rehash(Decision changed) {
		return DecisionChain.hash(changed.getPreviousHash(),
				DecisionChain.canonical(changed, changed.getChainSequence()));
	}
}
