package dev.vouch.events;

/**
 * Events of a writer: one person who writes letters for any number of students of one institution, published
 * on {@link Topics#WRITERS}. Tenant-scoped: they say nothing about which students asked, so an advising office
 * or a notification sender can subscribe without reading any student's records. The record key and the
 * {@code studentid} attribute carry the writer id (there is no one student to name).
 */
public sealed interface WriterEvent extends VouchEvent permits WriterOverloaded, WriterLoadEased {

    String writerId();

    @Override
    default String subject() {
        return writerId();
    }
}
