package nl.ketenpoort.adapters.autoconfigure;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import nl.ketenpoort.adapters.NativeMapping;
import nl.ketenpoort.adapters.UnknownPartnerAdapter;
import nl.ketenpoort.adapters.raak.RaakMapping;
import nl.ketenpoort.adapters.taalschool.OpstartklasMapping;
import nl.ketenpoort.adapters.taalschool.TaalschoolMapping;
import nl.ketenpoort.adapters.tvs.TvsNotificationMapping;
import nl.ketenpoort.adapters.vvs.VvsMapping;

/**
 * The native formats the adapters speak, by the code a partner entry names in
 * {@code adapter}: a new partner system that speaks one of them is configuration only.
 */
public final class NativeFormats {

	private static final Map<String, Function<String, NativeMapping>> FORMATS = Map.of("raak", RaakMapping::new, "vvs",
			VvsMapping::new, "taalschool", TaalschoolMapping::new, "opstartklas", OpstartklasMapping::new, "tvs",
			TvsNotificationMapping::new);

	private NativeFormats() {
	}

	/**
	 * The codes of every format.
	 * @return the format codes, such as {@code raak}
	 */
	public static Set<String> codes() {
		return FORMATS.keySet();
	}

	/**
	 * A format as one partner system uses it.
	 * @param format the format code, such as {@code taalschool}
	 * @param partner the partner id
	 * @return the mapping
	 * @throws UnknownPartnerAdapter when there is no such format
	 */
	public static NativeMapping mapping(String format, String partner) {
		Function<String, NativeMapping> mapping = FORMATS.get(format);
		if (mapping == null) {
			throw new UnknownPartnerAdapter(format, partner);
		}
		return mapping.apply(partner);
	}

}
