package nl.ketenpoort.gateway.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A second, deliberately small RFC 8785 implementation that shares no code with
 * Ketenpoort's: what an outside auditor would write to recompute the chain's hashes.
 * Members are sorted by comparing their UTF-16 code units one by one (RFC 8785 section
 * 3.2.3), strings escaped as section 3.2.2.2 lists, integers only (section 3.2.2.3 is not
 * needed for them).
 */
final class IndependentJcs {

	private IndependentJcs() {
	}

	static String serialize(Object value) {
		StringBuilder out = new StringBuilder();
		append(out, value);
		return out.toString();
	}

	private static void append(StringBuilder out, Object value) {
		if (value == null) {
			out.append("null");
		}
		else if (value instanceof Boolean b) {
			out.append(b ? "true" : "false");
		}
		else if (value instanceof Long || value instanceof Integer) {
			long n = ((Number) value).longValue();
			if (Math.abs(n) >= 9007199254740992L) {
				throw new ArithmeticException("outside the integers JCS writes exactly");
			}
			out.append(Long.toString(n));
		}
		else if (value instanceof Double d && d == Math.floor(d) && Math.abs(d) < 9007199254740992.0) {
			out.append(Long.toString(d.longValue()));
		}
		else if (value instanceof String s) {
			quote(out, s);
		}
		else if (value instanceof List<?> list) {
			out.append('[');
			for (int i = 0; i < list.size(); i++) {
				out.append(i == 0 ? "" : ",");
				append(out, list.get(i));
			}
			out.append(']');
		}
		else if (value instanceof Map<?, ?> map) {
			List<String> keys = new ArrayList<>();
			map.keySet().forEach((key) -> keys.add((String) key));
			keys.sort(IndependentJcs::compareCodeUnits);
			out.append('{');
			for (int i = 0; i < keys.size(); i++) {
				out.append(i == 0 ? "" : ",");
				quote(out, keys.get(i));
				out.append(':');
				append(out, map.get(keys.get(i)));
			}
			out.append('}');
		}
		else {
			throw new IllegalArgumentException("not in the restricted JSON: " + value.getClass());
		}
	}

	private static int compareCodeUnits(String a, String b) {
		int n = Math.min(a.length(), b.length());
		for (int i = 0; i < n; i++) {
			int diff = (int) a.charAt(i) - (int) b.charAt(i);
			if (diff != 0) {
				return diff;
			}
		}
		return a.length() - b.length();
	}

	private static void quote(StringBuilder out, String s) {
		out.append('"');
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			switch (c) {
				case '\b' -> out.append("\\b");
				case '\t' -> out.append("\\t");
				case '\n' -> out.append("\\n");
				case '\f' -> out.append("\\f");
				case '\r' -> out.append("\\r");
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				default -> {
					if (c < 0x20) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		out.append('"');
	}

}
