package nl.ketenpoort.gateway.console.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import nl.ketenpoort.consent.ConsentMethod;
import nl.ketenpoort.consent.ConsentRegistry;
import nl.ketenpoort.consent.Grant;
import nl.ketenpoort.consent.GrantRefused;
import nl.ketenpoort.consent.GrantRequest;
import nl.ketenpoort.consent.purpose.Purpose;
import nl.ketenpoort.consent.purpose.PurposeCatalogue;
import nl.ketenpoort.consent.purpose.Route;
import nl.ketenpoort.consent.subject.IdentifierInvalid;
import nl.ketenpoort.consent.subject.SubjectRef;
import nl.ketenpoort.consent.subject.Subjects;
import nl.ketenpoort.consent.subject.VNumber;
import nl.ketenpoort.gateway.identity.Actor;
import nl.ketenpoort.gateway.identity.Actors;
import nl.ketenpoort.gateway.portal.PageLanguages;
import nl.ketenpoort.gateway.portal.PageTexts;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * A case manager records a status holder's consent on their behalf: from a signed paper
 * form or after an interpreter explained the text, for the routes their own organisation
 * sends on. The hash recorded is that of the catalogue text in the language explained.
 */
@Controller
@RequestMapping("/console/consents")
class OnBehalfController {

	private static final Logger logger = LoggerFactory.getLogger(OnBehalfController.class);

	private final PurposeCatalogue catalogue;

	private final ConsentRegistry registry;

	private final Subjects subjects;

	private final PageTexts texts;

	OnBehalfController(PurposeCatalogue catalogue, ConsentRegistry registry, Subjects subjects, PageTexts texts) {
		this.catalogue = catalogue;
		this.registry = registry;
		this.subjects = subjects;
		this.texts = texts;
	}

	/** The on-behalf form as posted; the V-number travels only in the body. */
	record OnBehalfForm(@Nullable String vNumber, @Nullable String route, @Nullable String language,
			@Nullable String method, @Nullable String reference) {
	}

	@GetMapping
	String form(Model model) {
		Actor actor = Section.CONSENT.require(Actors.current());
		return show(model, actor, new OnBehalfForm(null, null, PageLanguages.current().code(), "paper", null));
	}

	@PostMapping
	String record(@ModelAttribute OnBehalfForm form, Model model) {
		Actor actor = Section.CONSENT.require(Actors.current());
		Optional<RouteChoice> choice = routes(actor).stream()
			.filter((candidate) -> candidate.value().equals(form.route()))
			.findFirst();
		if (blank(form.vNumber()) || blank(form.reference()) || choice.isEmpty() || form.language() == null
				|| PageLanguages.find(form.language()).isEmpty()) {
			model.addAttribute("error", "msg.invalid");
			return show(model, actor, form);
		}
		Purpose purpose = this.catalogue.get(choice.get().purpose());
		Route route = purpose.routes().get(choice.get().index());
		ConsentMethod method = "interpreter".equals(form.method())
				? ConsentMethod.onBehalfInterpreter(actor.id(), form.reference().strip())
				: ConsentMethod.onBehalfPaper(actor.id(), form.reference().strip());
		try {
			SubjectRef subject = this.subjects.enrol(VNumber.parse(form.vNumber().strip()));
			Grant grant = this.registry.grant(new GrantRequest(subject, purpose.code(), route.from(), choice.get().to(),
					route.documentTypes().stream().sorted().toList(), null, method, form.language(),
					purpose.text(form.language()).sha256()));
			// A repeat stores nothing: the outcome is the consent already recorded.
			model.addAttribute("notice", grant.created() ? "msg.recorded" : "msg.recorded.already");
			model.addAttribute("recorded", grant.consent().id());
			return show(model, actor, new OnBehalfForm(null, null, form.language(), form.method(), null));
		}
		catch (IdentifierInvalid ex) {
			model.addAttribute("error", "msg.invalid");
		}
		catch (GrantRefused ex) {
			logger.debug("An on-behalf grant was refused: {}", ex.reason());
			if (ex.reason() == GrantRefused.Reason.OVERLAPS_ACTIVE_CONSENT) {
				model.addAttribute("error", "msg.overlaps");
				model.addAttribute("overlapping", ex.existingConsent());
			}
			else {
				model.addAttribute("error", "msg.refused");
			}
		}
		return show(model, actor, form);
	}

	private String show(Model model, Actor actor, OnBehalfForm form) {
		model.addAttribute("form", form);
		model.addAttribute("routes", routes(actor));
		model.addAttribute("languages", PageLanguages.ALL);
		return "console/consent";
	}

	/** The routes on which the case manager's own organisation sends. */
	private List<RouteChoice> routes(Actor actor) {
		List<String> own = this.texts.partnersOf(actor.organisation().orElse(null));
		List<RouteChoice> choices = new ArrayList<>();
		this.catalogue.purposes().stream().sorted(Comparator.comparing(Purpose::code)).forEach((purpose) -> {
			for (int i = 0; i < purpose.routes().size(); i++) {
				Route route = purpose.routes().get(i);
				if (!own.contains(route.from())) {
					continue;
				}
				// A route to several organisations is offered once per organisation: the
				// status holder agreed to the ones they chose (one language school), and
				// each is recorded with its own evidence.
				List<List<String>> recipients = (route.to().size() > 1) ? route.to().stream().map(List::of).toList()
						: List.of(route.to());
				for (List<String> to : recipients) {
					String label = purpose.text(PageLanguages.current().code()).title() + ": "
							+ this.texts.message("portal.route", this.texts.partner(route.from()),
									this.texts.documents(route.documentTypes()), this.texts.partners(to));
					String value = purpose.code() + ":" + i + ((route.to().size() > 1) ? ":" + to.get(0) : "");
					choices.add(new RouteChoice(value, purpose.code(), i, to, label));
				}
			}
		});
		return choices;
	}

	private static boolean blank(@Nullable String value) {
		return value == null || value.isBlank();
	}

	/**
	 * One route of a purpose that can be chosen in the form, to all its recipients or, on
	 * a route to several, to one of them.
	 */
	record RouteChoice(String value, String purpose, int index, List<String> to, String label) {
	}

}
