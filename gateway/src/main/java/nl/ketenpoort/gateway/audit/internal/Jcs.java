package nl.ketenpoort.gateway.audit.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The JSON Canonicalization Scheme (RFC 8785) for the values the audit chain hashes:
 * objects, arrays, strings, booleans, {@code null} and integers of magnitude below 2^53.
 * Restricting numbers to those integers means no number needs the ECMAScript formatting
 * of RFC 8785 section 3.2.2.3: such an integer is written as its decimal digits, which is
 * what ECMAScript writes for it. Anything else (a fraction, a larger number, a lone
 * surrogate) is refused rather than written in a form another implementation could
 * disagree with.
 * <p>
 * Object members are sorted by their names as arrays of UTF-16 code units
 * ({@link String#compareTo}); strings are written as ECMAScript's {@code JSON.stringify}
 * writes them: {@code \"}, {@code \\}, the short escapes {@code \b \t \n \f \r}, other
 * characters below U+0020 as a backslash, {@code u00} and two lower-case hex digits,
 * everything else as it is.
 */
public final class Jcs {

	/** The largest magnitude of an integer the form carries: 2^53 - 1. */
	public static final long MAX_INTEGER = (1L << 53) - 1;

	private static final char[] HEX = "0123456789abcdef".toCharArray();

	private Jcs() {
	}

	/**
	 * The canonical text of a value made of maps with string keys, lists, strings,
	 * booleans, {@code null} and integers.
	 * @param value the value
	 * @return its RFC 8785 form
	 * @throws NotCanonical when the value holds something outside those types
	 */
	public static String canonical(@Nullable Object value) {
		StringBuilder out = new StringBuilder(256);
		write(out, value);
		return out.toString();
	}

	private static void write(StringBuilder out, @Nullable Object value) {
		if (value == null) {
			out.append("null");
		}
		else if (value instanceof String text) {
			string(out, text);
		}
		else if (value instanceof Boolean bool) {
			out.append(bool.booleanValue());
		}
		else if (value instanceof Number number) {
			integer(out, number);
		}
		else if (value instanceof Map<?, ?> map) {
			List<String> names = new ArrayList<>(map.size());
			for (Object name : map.keySet()) {
				if (!(name instanceof String text)) {
					throw new NotCanonical("an object member name that is not a string");
				}
				names.add(text);
			}
			names.sort(null);
			out.append('{');
			for (int i = 0; i < names.size(); i++) {
				if (i > 0) {
					out.append(',');
				}
				string(out, names.get(i));
				out.append(':');
				write(out, map.get(names.get(i)));
			}
			out.append('}');
		}
		else if (value instanceof List<?> list) {
			out.append('[');
			for (int i = 0; i < list.size(); i++) {
				if (i > 0) {
					out.append(',');
				}
				write(out, list.get(i));
			}
			out.append(']');
		}
		else {
			throw new NotCanonical("a value of type " + value.getClass().getSimpleName());
		}
	}

	/**
	 * Writes an integer of magnitude up to 2^53 - 1; a floating-point number is accepted
	 * when it is such an integer ({@code 56.0} is {@code 56}).
	 * @param out where to write
	 * @param number the number
	 * @throws NotCanonical for a fraction or a larger magnitude
	 */
	public static void integer(StringBuilder out, Number number) {
		long value;
		if (number instanceof Double || number instanceof Float) {
			double d = number.doubleValue();
			if (d != Math.rint(d) || Double.isInfinite(d) || Math.abs(d) > MAX_INTEGER) {
				throw new NotCanonical("a number that is not an integer below 2^53");
			}
			value = (long) d;
		}
		else if (number instanceof Long || number instanceof Integer || number instanceof Short
				|| number instanceof Byte) {
			value = number.longValue();
		}
		else {
			throw new NotCanonical("a number of type " + number.getClass().getSimpleName());
		}
		if (value > MAX_INTEGER || value < -MAX_INTEGER) {
			throw new NotCanonical("an integer of magnitude 2^53 or more");
		}
		out.append(value);
	}

	/**
	 * Writes a JSON string as RFC 8785 requires.
	 * @param out where to write
	 * @param value the text
	 * @throws NotCanonical for a lone surrogate, which RFC 8785 forbids
	 */
	public static void string(StringBuilder out, String value) {
		out.append('"');
		int length = value.length();
		// Most values are codes and pseudonyms that need no escape: copied in one piece.
		int plain = 0;
		while (plain < length && plain(value.charAt(plain))) {
			plain++;
		}
		if (plain == length) {
			out.append(value).append('"');
			return;
		}
		out.append(value, 0, plain);
		for (int i = plain; i < length; i++) {
			char c = value.charAt(i);
			if (plain(c)) {
				out.append(c);
				continue;
			}
			if (Character.isSurrogate(c)) {
				if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(value.charAt(i + 1))) {
					out.append(c).append(value.charAt(++i));
					continue;
				}
				throw new NotCanonical("a lone surrogate");
			}
			out.append('\\');
			switch (c) {
				case '"' -> out.append('"');
				case '\\' -> out.append('\\');
				case '\b' -> out.append('b');
				case '\t' -> out.append('t');
				case '\n' -> out.append('n');
				case '\f' -> out.append('f');
				case '\r' -> out.append('r');
				default -> out.append("u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
			}
		}
		out.append('"');
	}

	/** A character written as it is: not a control, quote, backslash or surrogate. */
	private static boolean plain(char c) {
		return c >= 0x20 && c != '"' && c != '\\' && (c < Character.MIN_SURROGATE || c > Character.MAX_SURROGATE);
	}

	/** A value RFC 8785, as restricted here, cannot write. */
	public static class NotCanonical extends RuntimeException {

		public NotCanonical(String message) {
			super(message);
		}

	}

}
