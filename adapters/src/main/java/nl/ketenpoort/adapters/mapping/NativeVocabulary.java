package nl.ketenpoort.adapters.mapping;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * How the properties of one canonical object are named in a partner's format, nested for
 * objects and lists: the single description both mapping directions (and the TVS XML) are
 * derived from, so they cannot drift apart.
 * <p>
 * Build one with {@link #builder()}; entries keep their order, which is the order of the
 * native output (and of the elements in an XML sequence).
 */
public final class NativeVocabulary {

	private final List<Entry> entries;

	private final Map<String, Entry> byCanonical = new HashMap<>();

	private final Map<String, Entry> byNative = new HashMap<>();

	private NativeVocabulary(List<Entry> entries) {
		this.entries = List.copyOf(entries);
		for (Entry entry : this.entries) {
			if (this.byCanonical.put(entry.canonical(), entry) != null) {
				throw new VocabularyInvalid("canonical name '" + entry.canonical() + "' used twice");
			}
			for (String nativeName : entry.nativeNames()) {
				if (this.byNative.put(nativeName, entry) != null) {
					throw new VocabularyInvalid("native name '" + nativeName + "' used twice");
				}
			}
		}
	}

	public static Builder builder() {
		return new Builder();
	}

	/** The entries in native order. */
	public List<Entry> entries() {
		return this.entries;
	}

	public Optional<Entry> byCanonical(String canonicalName) {
		return Optional.ofNullable(this.byCanonical.get(canonicalName));
	}

	/**
	 * The entry a native property name belongs to; for a flattened object that is the
	 * {@link Flattened} entry holding it.
	 * @param nativeName a native property name
	 * @return the entry, if the name is known
	 */
	public Optional<Entry> byNative(String nativeName) {
		return Optional.ofNullable(this.byNative.get(nativeName));
	}

	/**
	 * Every canonical field path this vocabulary names, dot separated with list items
	 * transparent (as the schemas' field catalogue names them).
	 * @return the paths
	 */
	public Set<String> canonicalPaths() {
		Set<String> paths = new LinkedHashSet<>();
		collectPaths("", paths);
		return paths;
	}

	private void collectPaths(String prefix, Set<String> paths) {
		for (Entry entry : this.entries) {
			String path = prefix + entry.canonical();
			paths.add(path);
			NativeVocabulary nested = entry.nested();
			if (nested != null) {
				nested.collectPaths(path + ".", paths);
			}
		}
	}

	/**
	 * One canonical property and its native form.
	 */
	public sealed interface Entry permits Scalar, Nested, Listed, Flattened {

		/** The canonical property name. */
		String canonical();

		/** The native names this entry takes in the enclosing native object. */
		Set<String> nativeNames();

		/** The vocabulary of the object (or list items) inside, if any. */
		@Nullable NativeVocabulary nested();

	}

	/**
	 * A string, number or boolean; with {@code codes}, a code list translated value by
	 * value.
	 *
	 * @param canonical the canonical name
	 * @param nativeName the native name
	 * @param codes canonical code to native code; empty when values are kept as they are
	 */
	public record Scalar(String canonical, String nativeName, Codes codes) implements Entry {

		@Override
		public Set<String> nativeNames() {
			return Set.of(this.nativeName);
		}

		@Override
		public @Nullable NativeVocabulary nested() {
			return null;
		}

	}

	/**
	 * An object with its own vocabulary.
	 *
	 * @param canonical the canonical name
	 * @param nativeName the native name
	 * @param vocabulary the object's vocabulary
	 */
	public record Nested(String canonical, String nativeName, NativeVocabulary vocabulary) implements Entry {

		@Override
		public Set<String> nativeNames() {
			return Set.of(this.nativeName);
		}

		@Override
		public NativeVocabulary nested() {
			return this.vocabulary;
		}

	}

	/**
	 * A list of objects (with {@code items}) or of scalars (translated with
	 * {@code codes}).
	 *
	 * @param canonical the canonical name
	 * @param nativeName the native name of the list
	 * @param itemName the native name of one item, where the format names items (XML)
	 * @param items the vocabulary of object items, {@code null} for scalar items
	 * @param codes canonical code to native code for scalar items
	 */
	public record Listed(String canonical, String nativeName, String itemName, @Nullable NativeVocabulary items,
			Codes codes) implements Entry {

		@Override
		public Set<String> nativeNames() {
			return Set.of(this.nativeName);
		}

		@Override
		public @Nullable NativeVocabulary nested() {
			return this.items;
		}

	}

	/**
	 * A canonical object whose properties the partner keeps in the enclosing object, e.g.
	 * the subject's V-number as a top-level {@code vreemdelingennummer}.
	 *
	 * @param canonical the canonical name of the object
	 * @param vocabulary the vocabulary of its properties
	 */
	public record Flattened(String canonical, NativeVocabulary vocabulary) implements Entry {

		@Override
		public Set<String> nativeNames() {
			Set<String> names = new LinkedHashSet<>();
			this.vocabulary.entries.forEach((entry) -> names.addAll(entry.nativeNames()));
			return names;
		}

		@Override
		public NativeVocabulary nested() {
			return this.vocabulary;
		}

	}

	/**
	 * A code list: canonical codes and their native counterparts, one to one.
	 */
	public static final class Codes {

		private static final Codes NONE = new Codes(Map.of());

		private final Map<String, String> toNative;

		private final Map<String, String> toCanonical = new HashMap<>();

		private Codes(Map<String, String> toNative) {
			this.toNative = Map.copyOf(toNative);
			toNative.forEach((canonical, nativeCode) -> {
				if (this.toCanonical.put(nativeCode, canonical) != null) {
					throw new VocabularyInvalid("native code '" + nativeCode + "' used twice");
				}
			});
		}

		/** Values are kept as they are. */
		public static Codes none() {
			return NONE;
		}

		/**
		 * A code list from pairs: canonical, native, canonical, native, ….
		 * @param pairs the pairs
		 * @return the code list
		 */
		public static Codes of(String... pairs) {
			if (pairs.length % 2 != 0) {
				throw new VocabularyInvalid("code pairs are incomplete");
			}
			Map<String, String> map = new HashMap<>();
			for (int i = 0; i < pairs.length; i += 2) {
				map.put(pairs[i], pairs[i + 1]);
			}
			return new Codes(map);
		}

		public boolean isEmpty() {
			return this.toNative.isEmpty();
		}

		public Optional<String> toNative(String canonical) {
			return isEmpty() ? Optional.of(canonical) : Optional.ofNullable(this.toNative.get(canonical));
		}

		public Optional<String> toCanonical(String nativeCode) {
			return isEmpty() ? Optional.of(nativeCode) : Optional.ofNullable(this.toCanonical.get(nativeCode));
		}

	}

	/**
	 * Builds a vocabulary entry by entry, in native order.
	 */
	public static final class Builder {

		private final List<Entry> entries = new ArrayList<>();

		private Builder() {
		}

		/** A scalar kept as it is. */
		public Builder field(String canonical, String nativeName) {
			return add(new Scalar(canonical, nativeName, Codes.none()));
		}

		/** A scalar from a code list. */
		public Builder field(String canonical, String nativeName, Codes codes) {
			return add(new Scalar(canonical, nativeName, codes));
		}

		/** An object. */
		public Builder object(String canonical, String nativeName, NativeVocabulary vocabulary) {
			return add(new Nested(canonical, nativeName, vocabulary));
		}

		/** A list of objects. */
		public Builder list(String canonical, String nativeName, String itemName, NativeVocabulary items) {
			return add(new Listed(canonical, nativeName, itemName, items, Codes.none()));
		}

		/** A list of scalars kept as they are. */
		public Builder values(String canonical, String nativeName, String itemName) {
			return add(new Listed(canonical, nativeName, itemName, null, Codes.none()));
		}

		/** A list of scalars from a code list. */
		public Builder values(String canonical, String nativeName, String itemName, Codes codes) {
			return add(new Listed(canonical, nativeName, itemName, null, codes));
		}

		/** An object whose properties the partner keeps in the enclosing object. */
		public Builder flatten(String canonical, NativeVocabulary vocabulary) {
			return add(new Flattened(canonical, vocabulary));
		}

		private Builder add(Entry entry) {
			this.entries.add(entry);
			return this;
		}

		public NativeVocabulary build() {
			return new NativeVocabulary(this.entries);
		}

	}

}
