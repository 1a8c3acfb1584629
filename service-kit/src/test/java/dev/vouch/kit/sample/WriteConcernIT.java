package dev.vouch.kit.sample;

import com.mongodb.client.MongoClient;
import dev.vouch.kit.config.VouchMongoAutoConfiguration;
import dev.vouch.testsupport.VouchServiceTest;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@VouchServiceTest
class WriteConcernIT {

    @Autowired
    MongoClient client;
    @Autowired
    MongoTemplate mongo;

    @Test
    void writesWaitForAMajorityJournal() {
        assertThat(client.getDatabase(mongo.getDb().getName()).getWriteConcern()).isEqualTo(VouchMongoAutoConfiguration.DURABLE);
        assertThat(mongo.getDb().getWriteConcern().getWString()).isEqualTo("majority");
        assertThat(mongo.getDb().getWriteConcern().getJournal()).isTrue();
        // The in-process test server accepts the write concern as a real MongoDB would.
        mongo.getCollection("write_concern_probe").insertOne(new Document("_id", "probe"));
        assertThat(mongo.getCollection("write_concern_probe").countDocuments()).isEqualTo(1);
    }
}
