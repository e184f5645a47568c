package de.leitstand.prioritization;

/**
 * The decision rule of the federal economic assessment (WiBe) for one project: economically justified (net present
 * value above 0), justified by qualitative or external effects (score of at least 50 points), or not justified.
 */
public enum WibeVerdict {

	ECONOMIC, QUALITATIVE, NOT_JUSTIFIED
}
