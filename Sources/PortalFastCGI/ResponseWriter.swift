import CFastCGI
import Glibc
import PortalHTTP

/// Writes an answer to nginx. libfcgi copies what it is given into an 8 KB buffer and
/// writes a FastCGI record each time the buffer fills: a 20 KB page left in three writes,
/// each waking nginx to read a piece. Here the bulk of a large answer goes straight to the
/// socket as FastCGI records in one `writev`, and only its last few kilobytes go through
/// libfcgi's buffer, which `FCGX_Finish_r` writes together with the closing records: two
/// writes per page, whatever its size. An answer that fits the buffer goes through libfcgi
/// alone (one write).
enum ResponseWriter {
    /// libfcgi's buffer holds 8,192 bytes with its record header: what stays for it is well
    /// under that, and the rest goes directly.
    static let bufferedTail = 4096
    /// A FastCGI record carries at most 65,535 bytes.
    static let recordLimit = 65535
    static let stdoutType: UInt8 = 6  // FCGI_STDOUT
    /// Linux's IOV_MAX (a macro Swift does not import): pieces per `writev`.
    static let vectorLimit = 1024

    static func write(_ response: Response, includeBody: Bool, to request: UnsafeMutablePointer<FCGX_Request>) {
        let head = response.serializedHead()
        let body = includeBody ? response.body : []
        guard let stream = request.pointee.out else { return }
        let direct = body.count - min(body.count, bufferedTail)
        // Nothing of this answer is in libfcgi's buffer yet (it is written only here), so
        // records written directly come first, in order.
        if head.count + direct > 8192 {
            guard writeRecords(head: head, body: body, upTo: direct, to: request) else {
                // nginx is gone: libfcgi's own writes at the end fail the same way and the
                // connection is not reused.
                request.pointee.keepConnection = 0
                return
            }
            put(body, from: direct, to: stream)
        } else {
            put(head, from: 0, to: stream)
            put(body, from: 0, to: stream)
        }
    }

    static func put(_ bytes: [UInt8], from start: Int, to stream: UnsafeMutablePointer<FCGX_Stream>) {
        guard start < bytes.count else { return }
        bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                _ = FCGX_PutStr(chars.baseAddress! + start, Int32(chars.count - start), stream)
            }
        }
    }

    /// The head and `body[..<end]` as FastCGI stdout records on the request's socket.
    static func writeRecords(
        head: [UInt8], body: [UInt8], upTo end: Int, to request: UnsafeMutablePointer<FCGX_Request>
    ) -> Bool {
        let id = UInt16(truncatingIfNeeded: request.pointee.requestId)
        // Record headers first (their addresses must not move while the iovecs point at them).
        var pieces: [(offset: Int, count: Int, isHead: Bool)] = [(0, head.count, true)]
        var offset = 0
        while offset < end {
            let count = min(recordLimit, end - offset)
            pieces.append((offset, count, false))
            offset += count
        }
        var headers = [UInt8](repeating: 0, count: pieces.count * 8)
        for (index, piece) in pieces.enumerated() {
            headers[index * 8] = 1  // FCGI_VERSION_1
            headers[index * 8 + 1] = stdoutType
            headers[index * 8 + 2] = UInt8(id >> 8)
            headers[index * 8 + 3] = UInt8(id & 0xFF)
            headers[index * 8 + 4] = UInt8(piece.count >> 8)
            headers[index * 8 + 5] = UInt8(piece.count & 0xFF)
        }
        return headers.withUnsafeBytes { headerBytes in
            head.withUnsafeBytes { headBytes in
                body.withUnsafeBytes { bodyBytes in
                    var vectors: [iovec] = []
                    vectors.reserveCapacity(pieces.count * 2)
                    for (index, piece) in pieces.enumerated() {
                        vectors.append(iovec(iov_base: UnsafeMutableRawPointer(mutating: headerBytes.baseAddress! + index * 8), iov_len: 8))
                        let source = piece.isHead ? headBytes : bodyBytes
                        if piece.count > 0 {
                            vectors.append(iovec(iov_base: UnsafeMutableRawPointer(mutating: source.baseAddress! + piece.offset), iov_len: piece.count))
                        }
                    }
                    return writeAll(request.pointee.ipcFd, &vectors)
                }
            }
        }
    }

    /// `writev` until every byte is out: a blocking socket may still take part of a large
    /// answer at a time, and no more than `IOV_MAX` pieces go in one call.
    static func writeAll(_ fd: Int32, _ vectors: inout [iovec]) -> Bool {
        var first = 0
        while first < vectors.count {
            let count = min(vectors.count - first, vectorLimit)
            let written = vectors.withUnsafeMutableBufferPointer { buffer in
                writev(fd, buffer.baseAddress! + first, Int32(count))
            }
            if written < 0 {
                if errno == EINTR { continue }
                return false
            }
            // Skip what was written, the last piece perhaps in part.
            var left = written
            while left > 0 {
                if left >= vectors[first].iov_len {
                    left -= vectors[first].iov_len
                    first += 1
                } else {
                    vectors[first].iov_base = vectors[first].iov_base.map { $0 + left }
                    vectors[first].iov_len -= left
                    left = 0
                }
            }
            while first < vectors.count && vectors[first].iov_len == 0 { first += 1 }
        }
        return true
    }
}
