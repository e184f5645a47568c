package de.leitstand.publicmonitor.internal;

/**
 * Whether a conditional GET may be answered with 304 (RFC 9110 §13): {@code If-None-Match} decides when present
 * (weak comparison, {@code *} matches), else {@code If-Modified-Since} at the resolution of one second. Shared by
 * the response cache of the servlet port and the public listener.
 */
final class ConditionalRequest {

	private ConditionalRequest() {
	}

	/**
	 * @param ifModifiedSince milliseconds since the epoch, or negative when absent or unreadable
	 * @param lastModifiedSeconds seconds since the epoch of the answer's Last-Modified
	 */
	static boolean notModified(String etag, long lastModifiedSeconds, String ifNoneMatch, long ifModifiedSince) {
		if (ifNoneMatch != null) {
			for (String tag : ifNoneMatch.split(",")) {
				String t = tag.strip();
				if (t.equals("*") || t.equals(etag) || t.equals("W/" + etag)) {
					return true;
				}
			}
			return false;
		}
		return ifModifiedSince >= 0 && ifModifiedSince / 1000 >= lastModifiedSeconds;
	}
}
