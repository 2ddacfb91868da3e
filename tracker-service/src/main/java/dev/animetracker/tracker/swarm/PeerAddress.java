package dev.animetracker.tracker.swarm;

import dev.animetracker.tracker.protocol.PeerId;
import java.net.InetAddress;

/**
 * Who a peer is: its self-chosen id together with the address it announces from. The id alone is no
 * identity: anyone may send anyone's id, so an announce from another address is another peer
 * (unless it presents the BEP 7 {@code key} the peer first announced with; see {@code
 * InMemorySwarms}).
 */
public record PeerAddress(PeerId peerId, InetAddress address) {}
