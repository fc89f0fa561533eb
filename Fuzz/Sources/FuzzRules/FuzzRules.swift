import FuzzEntries
import FuzzSupport

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzEntries.compileRules(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
