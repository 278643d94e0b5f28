package dev.apwire.session;

/**
 * Something that happened in a {@link ClientSession}, as a past-tense value. Events come out of
 * every input in {@link Step#events()}, in the order they happened. The family is sealed: a
 * driver dispatches over it with {@code instanceof}.
 */
public sealed interface SessionEvent permits BounceReceived, ConnectionAccepted, ConnectionRefused, DataPackageUpdated, DeathLinkReceived, Disconnected, HintAdded, HintUpdated, InvalidPacketReceived, ItemsOutOfSync, ItemsReceived, LocationsChecked, LocationsScouted, MessagePrinted, ProtocolViolated, RequestFailed, RequestSent, RoomInfoReceived, RoomUpdated, UnknownPacketReceived, ValueChanged, ValuesRetrieved {
}
