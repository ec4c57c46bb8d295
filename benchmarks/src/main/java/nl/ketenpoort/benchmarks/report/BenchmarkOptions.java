package nl.ketenpoort.benchmarks.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Command-line options of the benchmark programs, of the form {@code --name value}; a
 * name may repeat.
 */
public final class BenchmarkOptions {

	private final Map<String, List<String>> values = new HashMap<>();

	public BenchmarkOptions(String[] args) {
		for (int i = 0; i < args.length; i++) {
			if (!args[i].startsWith("--")) {
				throw new IllegalArgumentException("Expected an option --name value, got " + args[i]);
			}
			String name = args[i].substring(2);
			String value = (i + 1 < args.length && !args[i + 1].startsWith("--")) ? args[++i] : "true";
			this.values.computeIfAbsent(name, (key) -> new ArrayList<>()).add(value);
		}
	}

	public String get(String name, String fallback) {
		List<String> list = this.values.get(name);
		return (list != null) ? list.get(list.size() - 1) : fallback;
	}

	public int getInt(String name, int fallback) {
		return Integer.parseInt(get(name, String.valueOf(fallback)));
	}

	public List<String> all(String name) {
		return this.values.getOrDefault(name, List.of());
	}

}
