package dev.vouch.kit.sample;

import dev.vouch.events.MentorAdded;
import dev.vouch.events.MentorRelationship;
import dev.vouch.kit.outbox.EventFactory;
import dev.vouch.kit.outbox.EventOutbox;
import dev.vouch.kit.security.AccessScope;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

@RestController
class SampleController {

    private final EventOutbox outbox;
    private final EventFactory events;
    private final MongoTemplate mongo;

    SampleController(EventOutbox outbox, EventFactory events, MongoTemplate mongo) {
        this.outbox = outbox;
        this.events = events;
        this.mongo = mongo;
    }

    record NewMentor(@NotBlank @Size(max = 200) String name, @NotNull MentorRelationship relationship) {
    }

    record MentorView(String id, String name) {
    }

    @PostMapping("/api/v1/sample-mentors")
    @ResponseStatus(HttpStatus.CREATED)
    MentorView create(AccessScope scope, @Valid @RequestBody NewMentor body) {
        SampleMentor mentor = new SampleMentor(UUID.randomUUID().toString(), scope.tenant(), scope.studentId(), body.name());
        outbox.save(mentor.added(body.relationship()));
        return new MentorView(mentor.getId(), mentor.getName());
    }

    @GetMapping("/api/v1/sample-mentors/{id}")
    MentorView get(AccessScope scope, @PathVariable String id) {
        SampleMentor mentor = scope.require(mongo.findById(id, SampleMentor.class), "Mentor", id);
        return new MentorView(mentor.getId(), mentor.getName());
    }
}
