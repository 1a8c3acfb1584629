package dev.vouch.kit.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.servlet.HandlerInterceptor;

import java.util.List;

/**
 * 406 before the handler runs when the client accepts no JSON: Spring MVC negotiates only when it writes the
 * answer, after a change has been made, so a POST with {@code Accept: application/xml} would store the record
 * and then answer 406. A read may also ask for {@code text/csv}: the kit's export writes every view as CSV, and a
 * read changes nothing before its answer is negotiated.
 */
public class AcceptsJson implements HandlerInterceptor {

    private static final List<MediaType> PRODUCED = List.of(MediaType.APPLICATION_JSON,
            MediaType.APPLICATION_PROBLEM_JSON, new MediaType("application", "*+json"));
    private static final MediaType CSV = new MediaType("text", "csv");

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws HttpMediaTypeNotAcceptableException {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept == null || accept.isBlank()) {
            return true;
        }
        List<MediaType> acceptable;
        try {
            acceptable = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            throw new HttpMediaTypeNotAcceptableException("Could not parse Accept header: " + e.getMessage());
        }
        boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        for (MediaType wanted : acceptable) {
            if (read && wanted.isCompatibleWith(CSV)) {
                return true;
            }
            for (MediaType produced : PRODUCED) {
                if (wanted.isCompatibleWith(produced)) {
                    return true;
                }
            }
        }
        throw new HttpMediaTypeNotAcceptableException(List.of(MediaType.APPLICATION_JSON));
    }
}
