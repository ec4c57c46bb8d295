package nl.ketenpoort.gateway.sandbox;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the sandbox partners ({@code ketenpoort.sandbox.*}).
 *
 * @param enabled whether the sandbox partners run; on in the demo profile, off otherwise
 * @param partners the partner ids the sandbox simulates over HTTP; when not set, every
 * partner of the registry ({@code partners.yaml}), so a new partner needs no entry here
 * @param slowDelay how long a partner in mode {@code slow} takes to answer; longer than
 * the delivery's response timeout (30 s) by default, so that a delivery times out
 * @param fileDrop the partner that receives files, and its directory
 * @param handoverNotice what RAAK's sandbox answers to a client profile
 */
@ConfigurationProperties("ketenpoort.sandbox")
record SandboxSettings(@DefaultValue("false") boolean enabled, @Nullable List<String> partners,
		@DefaultValue("35s") Duration slowDelay, @DefaultValue FileDrop fileDrop,
		@DefaultValue HandoverNotice handoverNotice) {

	SandboxSettings {
		partners = (partners != null) ? List.copyOf(partners) : null;
	}

	/**
	 * The partner ids the sandbox simulates.
	 * @param registered the ids in the partner registry
	 * @return the configured ids, or else every registered one
	 */
	List<String> partnersOr(List<String> registered) {
		return (this.partners != null) ? this.partners : registered;
	}

	/**
	 * The partner that reads its documents from a directory.
	 *
	 * @param partner its partner id
	 * @param directory where the gateway drops its files; {@code null} means
	 * {@code $KETENPOORT_DATA_DIR/sandbox/<partner>}
	 */
	record FileDrop(@DefaultValue("taalschool-b") String partner, @Nullable Path directory) {

	}

	/**
	 * RAAK's answer to a client profile: a handover notice back to TVS through the
	 * gateway's public API.
	 *
	 * @param enabled whether RAAK's sandbox answers at all
	 * @param delay how long after accepting the profile it answers
	 */
	record HandoverNotice(@DefaultValue("true") boolean enabled, @DefaultValue("1s") Duration delay) {

	}

}
