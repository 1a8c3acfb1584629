package dev.vouch.kit.web;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tomcat's own error report as problem+json: what Tomcat refuses before any servlet runs (an encoded slash,
 * NUL or backslash in the path, characters a request target may not hold, a request line or headers over
 * the size limit) would otherwise answer an HTML page.
 */
public class ProblemReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // As the HTML report: only for errors, only if nothing was written, and only once.
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String type = status == 400 ? "rejected-request" : Problems.slugFor(status);
        String detail = status == 400
                ? "The request was refused before it reached the API: it is not valid HTTP, its path holds an encoded "
                + "slash, NUL or backslash or a character that must be percent-encoded, or its request line or headers "
                + "are over the size limit"
                : status >= 500 ? "Something went wrong on our side. Try again later."
                : known == null ? "The request failed" : known.getReasonPhrase();
        String title = status == 400 ? "Request rejected" : known == null ? "Error " + status : known.getReasonPhrase();
        String body = "{\"type\":\"" + Problems.BASE + type + "\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\"}";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The connection is gone or the response committed meanwhile: there is no one left to tell.
        }
    }
}
