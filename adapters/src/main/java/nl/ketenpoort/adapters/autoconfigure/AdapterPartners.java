package nl.ketenpoort.adapters.autoconfigure;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the adapters read of the partner registry ({@code ketenpoort.partners.systems},
 * the gateway's {@code partners.yaml}): per partner id its native format and how
 * documents reach it, so that the same entry that registers a partner also gives it its
 * adapter.
 *
 * @param systems the partner systems by id
 */
@ConfigurationProperties("ketenpoort.partners")
public record AdapterPartners(@Nullable Map<String, System> systems) {

	public AdapterPartners {
		systems = (systems != null) ? Map.copyOf(systems) : Map.of();
	}

	/**
	 * One partner system as the adapters see it.
	 *
	 * @param adapter the native format code ({@link NativeFormats}), such as
	 * {@code taalschool}; a partner without one has no adapter
	 * @param transport {@code rest-json} (the default) or {@code file-drop}
	 */
	public record System(@Nullable String adapter, @DefaultValue("rest-json") String transport) {

	}

}
