package de.leitstand.prioritization.internal.optimizer;

import java.util.function.Consumer;

import com.google.ortools.sat.CpSolver;

/**
 * Lets a caller follow a long run and stop it: progress reports (phase, best value, bound) and a cancel that
 * stops the solver currently searching, so the best portfolio found so far is kept.
 */
public final class SolveControl {

	/** A progress report; values in hundredths, -1 when not known yet. */
	public record Progress(String phase, long objective, long bound, int step, int steps) {
	}

	private final Consumer<Progress> listener;
	private volatile boolean cancelled;
	private CpSolver current;

	public SolveControl(Consumer<Progress> listener) {
		this.listener = listener;
	}

	public static SolveControl none() {
		return new SolveControl(p -> {
		});
	}

	public void cancel() {
		cancelled = true;
		synchronized (this) {
			if (current != null) {
				current.stopSearch();
			}
		}
	}

	public boolean isCancelled() {
		return cancelled;
	}

	void report(Progress progress) {
		listener.accept(progress);
	}

	synchronized void attach(CpSolver solver) {
		current = solver;
		if (cancelled) {
			solver.stopSearch();
		}
	}

	synchronized void detach() {
		current = null;
	}
}
