package nl.ketenpoort.gateway.portal;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import nl.ketenpoort.gateway.partner.Partner;
import nl.ketenpoort.gateway.partner.Partners;
import nl.ketenpoort.schemas.DocumentType;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Turns codes into words for the pages: organisation names, document names, dates in the
 * reader's language.
 */
@Component
public class PageTexts {

	/** The time zone the chain works in. */
	public static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

	private final MessageSource messages;

	private final Partners partners;

	PageTexts(MessageSource messages, Partners partners) {
		this.messages = messages;
		this.partners = partners;
	}

	/** A message of the bundles in the current language. */
	public String message(String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, key, PageLanguages.current().locale());
	}

	/** The name people know a partner system by. */
	public String partner(@Nullable String partnerId) {
		if (partnerId == null) {
			return "";
		}
		return this.partners.find(partnerId).map(Partner::displayName).orElse(partnerId);
	}

	public String partners(Collection<String> partnerIds) {
		return partnerIds.stream().map(this::partner).collect(Collectors.joining(", "));
	}

	/**
	 * The name of a document type, such as "digital client profile": its schema's
	 * {@code x-document-type.titles}, so a new type needs no message bundle entry.
	 */
	public String document(@Nullable String code) {
		if (code == null) {
			return "";
		}
		return DocumentType.fromCode(code).map((type) -> type.title(PageLanguages.current().code())).orElse(code);
	}

	public String documents(Collection<DocumentType> types) {
		return types.stream().map(DocumentType::code).sorted().map(this::document).collect(Collectors.joining(", "));
	}

	/** A date as the reader writes it. */
	public String date(@Nullable Instant instant) {
		if (instant == null) {
			return "";
		}
		return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
			.withLocale(PageLanguages.current().locale())
			.format(instant.atZone(ZONE));
	}

	/** A period such as a retention period, in words: "7 years", "1 year, 6 months". */
	public String period(Period period) {
		List<String> parts = new java.util.ArrayList<>();
		if (period.getYears() != 0) {
			parts.add(message("period.years", period.getYears()));
		}
		if (period.getMonths() != 0) {
			parts.add(message("period.months", period.getMonths()));
		}
		if (period.getDays() != 0 || parts.isEmpty()) {
			parts.add(message("period.days", period.getDays()));
		}
		return String.join(", ", parts);
	}

	/** A date and time as the reader writes it, for professionals. */
	public String dateTime(@Nullable Instant instant) {
		if (instant == null) {
			return "";
		}
		return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").format(instant.atZone(ZONE));
	}

	/** The partner ids of an organisation, such as {@code [tvs]} for {@code coa}. */
	public List<String> partnersOf(@Nullable String organisation) {
		return this.partners.all()
			.stream()
			.filter((partner) -> partner.organisation().equals(organisation))
			.map(Partner::id)
			.toList();
	}

}
