/**
 * The token changes protocol (seed {@code 002_0fc4e7bb61949e2d}, "Protocol V2"): a presence-and-relay
 * protocol over WebSocket text frames. Clients send {@link dev.apwire.changes.ChangesClientPacket}s
 * ({@code {"to", "type", "data"}}), the server sends {@link dev.apwire.changes.ChangesServerPacket}s
 * ({@code {"from", "type", "data"}}), among them the {@link dev.apwire.changes.ChangesPacket} whose
 * {@link dev.apwire.changes.Change}s announce connections and their properties.
 * {@link dev.apwire.changes.ChangesHub} is the server as a pure state machine; the JSON lives in the codec
 * module ({@code dev.apwire.codec.changes}).
 *
 * <h2>How apwire reads the open points of the seed</h2>
 * <table class="striped">
 *   <caption>Open points and the reading chosen</caption>
 *   <thead>
 *     <tr><th scope="col">Open point</th><th scope="col">apwire's reading</th><th scope="col">Why</th></tr>
 *   </thead>
 *   <tbody>
 *     <tr><th scope="row">"all data" for a newcomer</th>
 *       <td>One {@code changes} packet, sent at once: {@code open} and, when non-empty, {@code properties} of
 *         every other open token (in the order they opened), then the newcomer's own {@code open} and
 *         {@code metadata}.</td>
 *       <td>The seed's steps 2-4 in order; a newcomer needs no second packet to know who is there.</td></tr>
 *     <tr><th scope="row">When others learn of changes</th>
 *       <td>Batched: changes collect for {@link dev.apwire.changes.HubConfig#batchInterval()} (default
 *         500 ms, configurable; zero sends them in the causing step), then one {@code changes} packet per
 *         connection with only the changes it has not seen (a newcomer's snapshot covers what came
 *         before).</td>
 *       <td>V1 batched every 500 ms; numbering the changes means no connection sees one twice.</td></tr>
 *     <tr><th scope="row">Who receives {@code metadata}</th>
 *       <td>Only the token's own connection, only in its snapshot: {@code metadata} of T means "you are T".</td>
 *       <td>V1's metadata told each user its own token; sent to others it would only confuse.</td></tr>
 *     <tr><th scope="row">{@code properties} change contents</th>
 *       <td>The token's complete properties after the change, replacing the old ones; several updates in
 *         one batch become one change with the final state.</td>
 *       <td>Idempotent: a snapshot and a batch never disagree, and deletions need no special value.</td></tr>
 *     <tr><th scope="row">Property updates</th>
 *       <td>{@code {"to":"server","type":"changes","data":{...}}} merges keys into the sender's own
 *         properties; {@code null} deletes a key. All-or-nothing: one bad entry refuses the whole update
 *         ({@code bad_property} / {@code too_many_properties}).</td>
 *       <td>The seed: a user changes only its own properties; V1: {@code null} deletes.</td></tr>
 *     <tr><th scope="row">Property limits</th>
 *       <td>At most 25 properties; keys of 1 to 64 characters; values strings (at most 1024 characters),
 *         integers within +-(2^53-1), finite floats or booleans; arrays and objects refused (all
 *         configurable in {@link dev.apwire.changes.HubConfig}).</td>
 *       <td>V1 allowed 25 and ignored objects; JavaScript clients read such integers exactly. Refusing
 *         with an error replaces V1's silent reset to empty.</td></tr>
 *     <tr><th scope="row">Unknown token in {@code to}</th>
 *       <td>The packet goes to the open recipients; the sender gets one {@code unknown_recipient} error
 *         listing the tokens that are not open.</td>
 *       <td>A token usually vanishes by a close the sender has not heard of yet; it should learn that,
 *         and the other recipients should not suffer for it.</td></tr>
 *     <tr><th scope="row">{@code *} and the sender</th>
 *       <td>{@code *} is every open connection, the sender included; a recipient named twice (or by name
 *         and by {@code *}) gets the packet once.</td>
 *       <td>As V1.</td></tr>
 *     <tr><th scope="row">Relayed packets</th>
 *       <td>{@code {"from": sender, "type", "data"}} plus the sender's extra fields; a client packet that
 *         carries {@code from} is refused ({@code bad_packet}).</td>
 *       <td>The seed's outgoing format; unknown fields travel, but {@code from} cannot be forged.</td></tr>
 *     <tr><th scope="row">Server packet types</th>
 *       <td>Clients may not send {@code changes}, {@code error} or {@code metadata} to peers
 *         ({@code reserved_type}); to {@code "server"} only {@code changes} ({@code unknown_type}).</td>
 *       <td>V1 refused the server's own types so no peer can fake server state.</td></tr>
 *     <tr><th scope="row">Recipients per packet</th>
 *       <td>At most 64 entries in {@code to} ({@code too_many_recipients}, nothing relayed); an empty list
 *         relays to no one without error.</td>
 *       <td>Bounds the work one frame causes; {@code *} covers "everyone".</td></tr>
 *     <tr><th scope="row">Bad shapes</th>
 *       <td>Valid JSON that is not a packet (not an object, {@code to} missing or neither {@code "server"}
 *         nor an array of strings, {@code type} missing or not a string, {@code type} over 64 characters):
 *         a {@code bad_packet} error, the connection stays open. A missing {@code data} reads as
 *         {@code null}.</td>
 *       <td>The client is alive and talking; tell it what is wrong.</td></tr>
 *     <tr><th scope="row">Frame size and malformed JSON</th>
 *       <td>Frames over the codec's limit (64 KiB by default) get {@code frame_too_large}, frames that are
 *         not JSON {@code malformed_frame}; both then close the connection.</td>
 *       <td>V1 closed connections whose frames did not parse; the error packet says why first.</td></tr>
 *     <tr><th scope="row">Error packets</th>
 *       <td>{@code {"from":"server","type":"error","data":{"code":CODE,"message":TEXT}}}, codes in
 *         {@link dev.apwire.changes.ErrorCode}; {@code unknown_recipient} adds {@code "tokens":[...]}.</td>
 *       <td>The seed has no error packet; this one has the seed's outgoing shape.</td></tr>
 *     <tr><th scope="row">Pings</th>
 *       <td>One schedule for all: 20 s after the first connection opens, then every 20 s, a
 *         {@link dev.apwire.changes.PingAction} per open connection; the schedule stops when none is
 *         open.</td>
 *       <td>The seed: every 20 seconds, to everyone.</td></tr>
 *     <tr><th scope="row">Tokens</th>
 *       <td>32 lower-case hex characters (two {@code long}s of the injected generator), redrawn while they
 *         collide with an open token.</td>
 *       <td>As V1 (16 random bytes in hex).</td></tr>
 *   </tbody>
 * </table>
 */
@NullMarked
package dev.apwire.changes;

import org.jspecify.annotations.NullMarked;
