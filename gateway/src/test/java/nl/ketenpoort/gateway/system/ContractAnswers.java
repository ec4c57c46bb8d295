package nl.ketenpoort.gateway.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Records every distinct answer of the integration suite's running gateway that an
 * operation of the published API gave (method, path template, status, media type) to
 * {@code target/contract/answers.jsonl}; after the suite the build checks each against
 * the OpenAPI document ({@code openapi-lint/contract.mjs}), so that the document cannot
 * promise less or other than the gateway answers.
 */
@Component
class ContractAnswers extends OncePerRequestFilter {

	static final Path ANSWERS = Path.of("target", "contract", "answers.jsonl");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Set<String> seen = ConcurrentHashMap.newKeySet();

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		finally {
			Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
			if (pattern instanceof String path && (path.startsWith("/api/") || path.startsWith("/.well-known/"))) {
				record(request.getMethod(), path, response.getStatus(), response.getContentType());
			}
		}
	}

	private void record(String method, String path, int status, String contentType) throws IOException {
		String mediaType = (contentType != null) ? contentType.split(";")[0].trim() : "";
		String line = JSON.writeValueAsString(
				java.util.Map.of("method", method, "path", path, "status", status, "contentType", mediaType));
		if (this.seen.add(line)) {
			synchronized (ContractAnswers.class) {
				Files.createDirectories(ANSWERS.getParent());
				Files.writeString(ANSWERS, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
						StandardOpenOption.APPEND);
			}
		}
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

}
