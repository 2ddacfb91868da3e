"""Test helper for MetainfoRealToolsTests (run with /usr/bin/python3, needs python3-libtorrent).

  libtorrent_helper.py create <content path> <out dir> <piece size>
      writes lt-v1.torrent, lt-v2.torrent and lt-hybrid.torrent made by libtorrent
  libtorrent_helper.py describe <torrent>...
      prints one JSON object: {path: {v1, v2, name, files: [{path, size, pad}]}}
      with libtorrent's own view (info hashes, file list including pad files)
"""
import json
import os
import sys

import libtorrent as lt


def create(content, out_dir, piece_size):
    fs = lt.file_storage()
    lt.add_files(fs, content)
    variants = {
        "lt-v1.torrent": lt.create_torrent.v1_only,
        "lt-v2.torrent": lt.create_torrent.v2_only,
        "lt-hybrid.torrent": 0,  # libtorrent 2.x default: hybrid (v1 + v2, with pad files)
    }
    for file_name, flags in variants.items():
        ct = lt.create_torrent(fs, piece_size, flags=flags)
        ct.add_tracker("http://tracker.example/announce", 0)
        ct.add_tracker("udp://backup.example:6969/announce", 1)
        ct.set_creator("libtorrent test helper")
        ct.set_comment("made by libtorrent " + lt.__version__)
        lt.set_piece_hashes(ct, os.path.dirname(os.path.abspath(content)))
        with open(os.path.join(out_dir, file_name), "wb") as out:
            out.write(lt.bencode(ct.generate()))


def describe(paths):
    result = {}
    for path in paths:
        ti = lt.torrent_info(path)
        hashes = ti.info_hashes()
        fs = ti.files()
        files = []
        for i in range(fs.num_files()):
            files.append({
                "path": fs.file_path(i).replace(os.sep, "/"),
                "size": fs.file_size(i),
                "pad": bool(fs.file_flags(i) & lt.file_storage.flag_pad_file),
            })
        result[path] = {
            "v1": str(hashes.v1) if hashes.has_v1() else None,
            "v2": str(hashes.v2) if hashes.has_v2() else None,
            "name": ti.name(),
            "private": ti.priv(),
            "pieceLength": ti.piece_length(),
            "files": files,
        }
    json.dump(result, sys.stdout, ensure_ascii=True)


if __name__ == "__main__":
    if sys.argv[1] == "create":
        create(sys.argv[2], sys.argv[3], int(sys.argv[4]))
    elif sys.argv[1] == "describe":
        describe(sys.argv[2:])
    else:
        sys.exit("unknown command " + sys.argv[1])
