package dev.vouch.kit.sample;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A minimal service built on the kit, to prove the kit against a real broker and Mongo server. */
@SpringBootApplication
public class SampleApplication {
}
