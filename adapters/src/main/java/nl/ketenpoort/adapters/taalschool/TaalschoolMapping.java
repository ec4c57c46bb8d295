package nl.ketenpoort.adapters.taalschool;

import java.util.List;
import java.util.Set;

import nl.ketenpoort.adapters.mapping.VocabularyMapping;
import nl.ketenpoort.schemas.DocumentType;

/**
 * The language providers' JSON ({@code taalschool-a} over HTTP, {@code taalschool-b} as
 * files): they receive the NT2 learner profile as {@code {"leerprofiel": {…}}} and the
 * opstartklas report as {@code {"eindrapportage": {…}}}.
 */
public final class TaalschoolMapping extends VocabularyMapping {

	/** The language provider reached over HTTP. */
	public static final String TAALSCHOOL_A = "taalschool-a";

	/** The language provider that reads files from a directory. */
	public static final String TAALSCHOOL_B = "taalschool-b";

	public TaalschoolMapping() {
		this(TAALSCHOOL_A);
	}

	/**
	 * The format as used by one language provider.
	 * @param partner the provider's partner id
	 */
	public TaalschoolMapping(String partner) {
		super(partner,
				List.of(new Format(DocumentType.of("nt2-learner-profile"), "leerprofiel",
						LanguageProviderVocabularies.learnerProfile()),
						new Format(DocumentType.of("opstartklas-report"), "eindrapportage",
								LanguageProviderVocabularies.opstartklasReport())),
				Set.of(DocumentType.of("nt2-learner-profile"), DocumentType.of("opstartklas-report")), Set.of(),
				"ontvangstId");
	}

}
