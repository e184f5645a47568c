package de.leitstand.shared;

/**
 * A record that does not exist (or that the user must not know about). Pages show 404, the API a problem detail.
 */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String what) {
		super(what);
	}
}
