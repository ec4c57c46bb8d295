package nl.ketenpoort.adapters;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The partner adapters by adapter kind and partner id.
 */
public final class PartnerAdapters {

	private final Map<Key, PartnerAdapter> adapters;

	public PartnerAdapters(Collection<? extends PartnerAdapter> adapters) {
		this.adapters = adapters.stream()
			.collect(Collectors.toUnmodifiableMap((adapter) -> new Key(adapter.kind(), adapter.partner()),
					Function.identity()));
	}

	/**
	 * The adapter for a partner.
	 * @param kind the adapter kind configured for the partner
	 * @param partner the partner id, e.g. {@code raak}
	 * @return the adapter
	 * @throws UnknownPartnerAdapter when there is none
	 */
	public PartnerAdapter adapter(AdapterKind kind, String partner) {
		return find(kind, partner).orElseThrow(() -> new UnknownPartnerAdapter(kind, partner));
	}

	/**
	 * The adapter for a partner, by the adapter kind's code.
	 * @param kind the adapter kind code, e.g. {@code rest-json}
	 * @param partner the partner id, e.g. {@code raak}
	 * @return the adapter
	 * @throws UnknownPartnerAdapter when there is none
	 */
	public PartnerAdapter adapter(String kind, String partner) {
		return AdapterKind.fromCode(kind)
			.flatMap((known) -> find(known, partner))
			.orElseThrow(() -> new UnknownPartnerAdapter(kind, partner));
	}

	public Optional<PartnerAdapter> find(AdapterKind kind, String partner) {
		return Optional.ofNullable(this.adapters.get(new Key(kind, partner)));
	}

	/**
	 * Every adapter, sorted by partner id.
	 * @return the adapters
	 */
	public List<PartnerAdapter> all() {
		return this.adapters.values().stream().sorted((a, b) -> a.partner().compareTo(b.partner())).toList();
	}

	private record Key(AdapterKind kind, String partner) {

	}

}
