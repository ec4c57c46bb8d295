package nl.ketenpoort.gateway.security;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * One generated request: the operation it exercises, whose credential it carries, and
 * exactly what goes over the wire.
 */
record FuzzRequest(String operation, String credential, String method, String target,
		List<Map.Entry<String, String>> headers, @Nullable String body) {

	/**
	 * Everything the request carried, raw and URL-decoded: an identifier the answer shows
	 * must be in here.
	 */
	String carried() {
		String headerText = this.headers.stream()
			.map((header) -> header.getKey() + ": " + header.getValue())
			.collect(Collectors.joining("\n"));
		return this.target + "\n" + decoded(this.target) + "\n" + headerText + "\n"
				+ ((this.body != null) ? this.body : "");
	}

	@Nullable String header(String name) {
		return this.headers.stream()
			.filter((header) -> header.getKey().equalsIgnoreCase(name))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse(null);
	}

	/** For the report of a failure: long values shortened, control characters shown. */
	@Override
	public String toString() {
		return this.method + " " + shorten(this.target) + " as " + this.credential + "\n  headers: "
				+ this.headers.stream()
					.map((header) -> header.getKey() + ": " + shorten(header.getValue()))
					.collect(Collectors.joining(", "))
				+ "\n  body: " + ((this.body != null) ? shorten(this.body) : "(none)");
	}

	static String shorten(String text) {
		String shown = (text.length() > 300)
				? text.substring(0, 200) + "…(" + text.length() + " chars)…" + text.substring(text.length() - 50)
				: text;
		StringBuilder visible = new StringBuilder();
		shown.codePoints()
			.forEach((c) -> visible.append((Character.isISOControl(c) || Character.isSurrogate((char) c))
					? String.format("\\u%04x", c) : new String(Character.toChars(c))));
		return visible.toString();
	}

	private static String decoded(String text) {
		try {
			return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return text;
		}
	}

}
