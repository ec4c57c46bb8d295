package nl.ketenpoort.gateway.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One scrape of {@code /actuator/prometheus} in the text format, read into series.
 *
 * @param series every sample line
 */
record Scrape(List<Series> series) {

	private static final Pattern LINE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)\\})?\\s+(\\S+).*");

	private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

	static Scrape parse(String text) {
		List<Series> series = new ArrayList<>();
		for (String line : text.split("\n")) {
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			Matcher matcher = LINE.matcher(line);
			if (!matcher.matches()) {
				throw new AssertionError("Not a sample line: " + line);
			}
			Map<String, String> labels = new LinkedHashMap<>();
			if (matcher.group(2) != null) {
				Matcher label = LABEL.matcher(matcher.group(2));
				while (label.find()) {
					labels.put(label.group(1), label.group(2));
				}
			}
			series.add(new Series(matcher.group(1), labels, Double.parseDouble(matcher.group(3))));
		}
		return new Scrape(series);
	}

	/** The sum of the series of this metric whose labels include these. */
	double sum(String name, String... labels) {
		return this.series.stream()
			.filter((one) -> one.name().equals(name) && one.has(labels))
			.mapToDouble(Series::value)
			.sum();
	}

	/** Whether the scrape holds a series of this metric with these labels. */
	boolean has(String name, String... labels) {
		return this.series.stream().anyMatch((one) -> one.name().equals(name) && one.has(labels));
	}

	Set<String> names() {
		Set<String> names = new TreeSet<>();
		this.series.forEach((one) -> names.add(one.name()));
		return names;
	}

	List<Series> of(String name) {
		return this.series.stream().filter((one) -> one.name().equals(name)).toList();
	}

	/** One sample. */
	record Series(String name, Map<String, String> labels, double value) {

		boolean has(String... pairs) {
			for (int i = 0; i < pairs.length; i += 2) {
				if (!pairs[i + 1].equals(this.labels.get(pairs[i]))) {
					return false;
				}
			}
			return true;
		}

	}

}
