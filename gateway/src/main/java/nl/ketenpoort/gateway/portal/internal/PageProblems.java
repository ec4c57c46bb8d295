package nl.ketenpoort.gateway.portal.internal;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import nl.ketenpoort.gateway.portal.PageForbidden;
import nl.ketenpoort.gateway.portal.PageNotFound;

/**
 * Answers refusals on the pages with a page in the reader's language, ahead of the
 * problem documents the API answers with.
 */
@ControllerAdvice(basePackages = { "nl.ketenpoort.gateway.portal", "nl.ketenpoort.gateway.console" })
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageProblems {

	private final PageModel pages;

	PageProblems(PageModel pages) {
		this.pages = pages;
	}

	@ExceptionHandler(PageNotFound.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound(Model model, jakarta.servlet.http.HttpServletRequest request) {
		model.addAttribute("page", this.pages.refusal(request));
		model.addAttribute("problem", "error.not-found");
		return "pages/problem";
	}

	@ExceptionHandler(PageForbidden.class)
	@ResponseStatus(HttpStatus.FORBIDDEN)
	String forbidden(Model model, jakarta.servlet.http.HttpServletRequest request) {
		model.addAttribute("page", this.pages.refusal(request));
		model.addAttribute("problem", "error.forbidden");
		return "pages/problem";
	}

}
