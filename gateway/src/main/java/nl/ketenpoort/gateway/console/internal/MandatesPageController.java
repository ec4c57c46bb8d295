package nl.ketenpoort.gateway.console.internal;

import java.util.List;
import java.util.UUID;

import nl.ketenpoort.consent.subject.IdentifierInvalid;
import nl.ketenpoort.consent.subject.SubjectLinkRefused;
import nl.ketenpoort.gateway.identity.Actor;
import nl.ketenpoort.gateway.identity.Actors;
import nl.ketenpoort.gateway.mandate.Mandate;
import nl.ketenpoort.gateway.mandate.MandateForm;
import nl.ketenpoort.gateway.mandate.MandateKind;
import nl.ketenpoort.gateway.mandate.internal.MandateNotFound;
import nl.ketenpoort.gateway.mandate.MandateRefused;
import nl.ketenpoort.gateway.mandate.MandateRegister;
import nl.ketenpoort.gateway.portal.PageNotFound;
import nl.ketenpoort.gateway.portal.PageTexts;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A case manager records that a representative (a Nidos guardian, or someone with a
 * written mandate) may act for a status holder, and revokes such mandates; the list shows
 * the mandates whose record their own organisation holds. The same rules as the API
 * apply, through the same register.
 */
@Controller
@RequestMapping("/console/mandates")
class MandatesPageController {

	private static final int SHOWN = 50;

	private final MandateRegister register;

	private final PageTexts texts;

	MandatesPageController(MandateRegister register, PageTexts texts) {
		this.register = register;
		this.texts = texts;
	}

	@GetMapping
	String form(Model model) {
		Actor actor = Section.MANDATES.require(Actors.current());
		return show(model, actor,
				new MandateForm(null, null, null, null, MandateKind.WRITTEN_MANDATE.name(), null, null, null));
	}

	@PostMapping
	String record(@ModelAttribute MandateForm form, Model model) {
		Actor actor = Section.MANDATES.require(Actors.current());
		try {
			Mandate mandate = this.register.record(actor, form);
			model.addAttribute("notice", "msg.mandate.recorded");
			model.addAttribute("recorded", mandate.id());
			return show(model, actor, new MandateForm(null, null, null, null, form.kind(), null, null, null));
		}
		catch (MandateRefused ex) {
			model.addAttribute("error", message(ex.reason()));
		}
		catch (IdentifierInvalid | SubjectLinkRefused ex) {
			model.addAttribute("error", "msg.mandate.subject-invalid");
		}
		// Shown again for correcting; the page never shows the representative's BSN.
		return show(model, actor, form);
	}

	@PostMapping("/{id}/revoke")
	String revoke(@PathVariable UUID id, RedirectAttributes redirect) {
		Actor actor = Section.MANDATES.require(Actors.current());
		try {
			this.register.revoke(actor, id);
			redirect.addFlashAttribute("notice", "msg.mandate.revoked");
		}
		catch (MandateNotFound ex) {
			throw new PageNotFound();
		}
		catch (MandateRefused ex) {
			redirect.addFlashAttribute("error", "msg.mandate.not-active");
		}
		return "redirect:/console/mandates";
	}

	private String show(Model model, Actor actor, MandateForm form) {
		List<Row> rows = this.register.heldBy(actor, SHOWN).stream().map(this::row).toList();
		model.addAttribute("form", form);
		model.addAttribute("kinds", List.of(MandateKind.values()));
		model.addAttribute("mandates", rows);
		return "console/mandates";
	}

	private Row row(Mandate mandate) {
		Mandate.Status status = mandate.statusAt(this.register.now());
		return new Row(mandate.id(), mandate.kind().name(), mandate.evidenceReference(),
				this.texts.date(mandate.endsAt().minusNanos(1)), mandate.endsAtEighteen(), status.code(),
				this.texts.date(mandate.recordedAt()), status == Mandate.Status.ACTIVE);
	}

	/**
	 * The message for a refusal: a few groups, each telling the case manager what to fix.
	 */
	private static String message(String reason) {
		return switch (reason) {
			case "SUBJECT_UNKNOWN" -> "msg.mandate.subject-unknown";
			case "REPRESENTATIVE_MISSING", "REPRESENTATIVE_INVALID", "REPRESENTATIVE_UNKNOWN",
					"REPRESENTATIVE_NOT_ELIGIBLE", "REPRESENTS_SELF" ->
				"msg.mandate.representative";
			case "REPRESENTATIVE_TWICE", "REPRESENTATIVE_BSN_INVALID", "NO_BROKER" -> "msg.mandate.representative-bsn";
			case "BIRTH_DATE_MISSING", "BIRTH_DATE_INVALID" -> "msg.mandate.birth-date";
			case "ALREADY_ADULT" -> "msg.mandate.adult";
			case "ACTIVE_MANDATE_EXISTS" -> "msg.mandate.overlaps";
			case "VALID_UNTIL_MISSING", "VALID_UNTIL_INVALID", "VALID_UNTIL_PASSED", "VALIDITY_TOO_LONG" ->
				"msg.mandate.valid-until";
			default -> "msg.mandate.invalid";
		};
	}

	/** One mandate as the list shows it; the represented person is never shown. */
	record Row(UUID id, String kind, String evidenceReference, String validUntil, boolean endsAtEighteen, String status,
			String recordedAt, boolean revocable) {
	}

}
