package dev.animetracker.torrent.comment;

import dev.animetracker.torrent.web.Caller;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Comments: listed publicly (oldest first), written by logged-in users. */
@RestController
class CommentController {

  private final CommentService comments;

  CommentController(CommentService comments) {
    this.comments = comments;
  }

  record CommentRequest(String text) {}

  @GetMapping("/api/torrents/{id}/comments")
  List<CommentView> list(@PathVariable String id) {
    return comments.list(torrentId(id));
  }

  @PostMapping("/api/torrents/{id}/comments")
  ResponseEntity<CommentView> create(@PathVariable String id, @RequestBody CommentRequest request) {
    CommentView view = comments.create(Caller.current(), torrentId(id), request.text());
    return ResponseEntity.created(URI.create("/api/comments/" + view.id())).body(view);
  }

  @PatchMapping("/api/comments/{id}")
  CommentView edit(@PathVariable String id, @RequestBody CommentRequest request) {
    return comments.edit(Caller.current(), commentId(id), request.text());
  }

  @DeleteMapping("/api/comments/{id}")
  ResponseEntity<Void> delete(@PathVariable String id) {
    comments.delete(Caller.current(), commentId(id));
    return ResponseEntity.noContent().build();
  }

  private static long torrentId(String id) {
    try {
      return Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw dev.animetracker.torrent.core.TorrentExceptions.notFound();
    }
  }

  private static long commentId(String id) {
    try {
      return Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw CommentService.notFound();
    }
  }
}
