package dev.vouch.kit.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A failure the client can act on, answered as {@code application/problem+json}. */
public class ApiException extends ErrorResponseException {

    public ApiException(HttpStatus status, String type, String title, String detail) {
        super(status, problem(status, type, title, detail), null);
    }

    public ApiException with(String property, Object value) {
        getBody().setProperty(property, value);
        return this;
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }

    static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(Problems.type(type));
        problem.setTitle(title);
        return problem;
    }
}
