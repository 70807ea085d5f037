import type { U64 } from '../hex.ts'

/** An NTSTATUS value's symbolic name and what it means, in a line. */
export interface NtstatusInfo {
  /** The constant's name in ntstatus.h, e.g. `STATUS_ACCESS_VIOLATION`. */
  name: string
  /** One plain-text line on what the status means where crash dumps show it. */
  summary: string
}

/** The two high bits of an NTSTATUS value. */
export type NtstatusSeverity = 'success' | 'informational' | 'warning' | 'error'

// Values checked against ntstatus.h (the mingw-w64 copy of the Windows SDK header).
// Sorted by value; keys are the 32-bit values.
const TABLE: ReadonlyMap<number, NtstatusInfo> = new Map<number, NtstatusInfo>([
  [0x00000000, { name: 'STATUS_SUCCESS', summary: 'The operation completed successfully.' }],
  [0x00000080, { name: 'STATUS_ABANDONED', summary: 'The wait ended because the mutex owner exited without releasing it.' }],
  [0x000000c0, { name: 'STATUS_USER_APC', summary: 'An alertable wait ended early because a user-mode APC was delivered.' }],
  [0x00000101, { name: 'STATUS_ALERTED', summary: 'An alertable wait ended early because the thread was alerted.' }],
  [0x00000102, { name: 'STATUS_TIMEOUT', summary: 'A wait ended because its time-out elapsed before the object was signaled.' }],
  [0x00000103, { name: 'STATUS_PENDING', summary: 'The operation was started and will complete later, for example an IRP still in progress.' }],
  [0x40000000, { name: 'STATUS_OBJECT_NAME_EXISTS', summary: 'An object with that name already existed; the existing one was opened.' }],
  [0x80000001, { name: 'STATUS_GUARD_PAGE_VIOLATION', summary: 'A guard page was touched, typically while a thread stack grows.' }],
  [0x80000002, { name: 'STATUS_DATATYPE_MISALIGNMENT', summary: 'Data was read or written at an address not aligned for its size.' }],
  [0x80000003, { name: 'STATUS_BREAKPOINT', summary: 'A breakpoint instruction was executed (int 3, DbgBreakPoint, __debugbreak).' }],
  [0x80000004, { name: 'STATUS_SINGLE_STEP', summary: 'A single-step or hardware breakpoint trap was taken.' }],
  [0x80000005, { name: 'STATUS_BUFFER_OVERFLOW', summary: 'The data did not fit in the buffer; what fits was returned (a warning, not an error).' }],
  [0x80000026, { name: 'STATUS_LONGJUMP', summary: 'A longjmp unwound the stack to its setjmp point.' }],
  [0xc0000001, { name: 'STATUS_UNSUCCESSFUL', summary: 'The operation failed, with no more specific reason given.' }],
  [0xc0000002, { name: 'STATUS_NOT_IMPLEMENTED', summary: 'The requested function is not implemented.' }],
  [0xc0000004, { name: 'STATUS_INFO_LENGTH_MISMATCH', summary: 'The buffer length does not match what the information class needs.' }],
  [0xc0000005, { name: 'STATUS_ACCESS_VIOLATION', summary: 'Memory was read, written or executed at an address the code may not access.' }],
  [0xc0000006, { name: 'STATUS_IN_PAGE_ERROR', summary: 'A page could not be read in from its backing file or the paging file: an I/O error.' }],
  [0xc0000008, { name: 'STATUS_INVALID_HANDLE', summary: 'A handle that is not valid in this process was used.' }],
  [0xc000000d, { name: 'STATUS_INVALID_PARAMETER', summary: 'A parameter passed to a service or routine is not valid.' }],
  [0xc000000e, { name: 'STATUS_NO_SUCH_DEVICE', summary: 'The device named in the request does not exist.' }],
  [0xc000000f, { name: 'STATUS_NO_SUCH_FILE', summary: 'The file does not exist.' }],
  [0xc0000010, { name: 'STATUS_INVALID_DEVICE_REQUEST', summary: 'The device or driver does not support this request.' }],
  [0xc0000017, { name: 'STATUS_NO_MEMORY', summary: 'Not enough virtual memory or paging file quota to complete the operation.' }],
  [0xc0000018, { name: 'STATUS_CONFLICTING_ADDRESSES', summary: 'The requested address range overlaps memory already reserved.' }],
  [0xc000001d, { name: 'STATUS_ILLEGAL_INSTRUCTION', summary: 'The processor tried to execute an invalid instruction.' }],
  [0xc000001e, { name: 'STATUS_INVALID_LOCK_SEQUENCE', summary: 'A lock was taken or released in an order that is not allowed.' }],
  [0xc0000022, { name: 'STATUS_ACCESS_DENIED', summary: 'The caller lacks the access rights the operation needs.' }],
  [0xc0000023, { name: 'STATUS_BUFFER_TOO_SMALL', summary: 'The buffer is too small for the data; nothing was returned.' }],
  [0xc0000024, { name: 'STATUS_OBJECT_TYPE_MISMATCH', summary: 'The handle or object is of the wrong type for this operation.' }],
  [0xc0000025, { name: 'STATUS_NONCONTINUABLE_EXCEPTION', summary: 'Execution tried to continue after an exception that does not allow it.' }],
  [0xc0000026, { name: 'STATUS_INVALID_DISPOSITION', summary: 'An exception handler returned a disposition the dispatcher does not accept.' }],
  [0xc0000027, { name: 'STATUS_UNWIND', summary: 'Raised during an unwind; seen when exception handlers run a second time.' }],
  [0xc0000028, { name: 'STATUS_BAD_STACK', summary: 'Unwinding found a stack that is misaligned or outside its bounds.' }],
  [0xc0000032, { name: 'STATUS_DISK_CORRUPT_ERROR', summary: 'The on-disk file system structures are corrupt.' }],
  [0xc0000034, { name: 'STATUS_OBJECT_NAME_NOT_FOUND', summary: 'No object, file or registry key has that name.' }],
  [0xc000003a, { name: 'STATUS_OBJECT_PATH_NOT_FOUND', summary: 'A folder or object directory on the path does not exist.' }],
  [0xc000003f, { name: 'STATUS_CRC_ERROR', summary: 'Data read from the device failed its checksum (CRC) check.' }],
  [0xc0000043, { name: 'STATUS_SHARING_VIOLATION', summary: 'The file is open elsewhere with a sharing mode that forbids this access.' }],
  [0xc0000044, { name: 'STATUS_QUOTA_EXCEEDED', summary: 'The process ran out of a quota, such as paged or nonpaged pool.' }],
  [0xc0000056, { name: 'STATUS_DELETE_PENDING', summary: 'The file is marked for deletion and cannot be opened.' }],
  [0xc000007b, { name: 'STATUS_INVALID_IMAGE_FORMAT', summary: 'The file is not a valid executable image for this system.' }],
  [0xc000008c, { name: 'STATUS_ARRAY_BOUNDS_EXCEEDED', summary: 'An array index was outside the bounds the hardware checks.' }],
  [0xc000008d, { name: 'STATUS_FLOAT_DENORMAL_OPERAND', summary: 'A floating-point operation was given a denormal operand.' }],
  [0xc000008e, { name: 'STATUS_FLOAT_DIVIDE_BY_ZERO', summary: 'A floating-point value was divided by zero.' }],
  [0xc000008f, { name: 'STATUS_FLOAT_INEXACT_RESULT', summary: 'A floating-point result could not be represented exactly.' }],
  [0xc0000090, { name: 'STATUS_FLOAT_INVALID_OPERATION', summary: 'A floating-point operation was invalid, such as 0/0 or a signaling NaN.' }],
  [0xc0000091, { name: 'STATUS_FLOAT_OVERFLOW', summary: 'A floating-point result was too large for its type.' }],
  [0xc0000092, { name: 'STATUS_FLOAT_STACK_CHECK', summary: 'The x87 floating-point register stack overflowed or underflowed.' }],
  [0xc0000093, { name: 'STATUS_FLOAT_UNDERFLOW', summary: 'A floating-point result was too small for its type.' }],
  [0xc0000094, { name: 'STATUS_INTEGER_DIVIDE_BY_ZERO', summary: 'An integer was divided by zero.' }],
  [0xc0000095, { name: 'STATUS_INTEGER_OVERFLOW', summary: 'An integer operation overflowed, such as a division whose quotient does not fit.' }],
  [0xc0000096, { name: 'STATUS_PRIVILEGED_INSTRUCTION', summary: 'An instruction allowed only in kernel mode was executed in user mode.' }],
  [0xc000009a, { name: 'STATUS_INSUFFICIENT_RESOURCES', summary: 'System resources such as pool memory ran out, so the operation could not finish.' }],
  [0xc000009c, { name: 'STATUS_DEVICE_DATA_ERROR', summary: 'The device reported a data error, such as a bad sector.' }],
  [0xc000009d, { name: 'STATUS_DEVICE_NOT_CONNECTED', summary: 'The device is not connected.' }],
  [0xc00000a3, { name: 'STATUS_DEVICE_NOT_READY', summary: 'The device is not ready, for example a drive without media.' }],
  [0xc00000b5, { name: 'STATUS_IO_TIMEOUT', summary: 'The device did not complete the I/O operation in time.' }],
  [0xc00000bb, { name: 'STATUS_NOT_SUPPORTED', summary: 'The request is not supported.' }],
  [0xc00000e5, { name: 'STATUS_INTERNAL_ERROR', summary: 'A component hit an internal consistency error.' }],
  [0xc00000fd, { name: 'STATUS_STACK_OVERFLOW', summary: 'A thread used up its stack, usually through deep recursion or large locals.' }],
  [0xc0000102, { name: 'STATUS_FILE_CORRUPT_ERROR', summary: 'The file or directory is corrupt and cannot be read.' }],
  [0xc0000120, { name: 'STATUS_CANCELLED', summary: 'The I/O request was cancelled.' }],
  [0xc000012d, { name: 'STATUS_COMMITMENT_LIMIT', summary: 'The system commit limit is reached: the paging file is too small or full.' }],
  [0xc0000135, { name: 'STATUS_DLL_NOT_FOUND', summary: 'A DLL the image needs could not be found.' }],
  [0xc0000139, { name: 'STATUS_ENTRYPOINT_NOT_FOUND', summary: 'A function the image imports is missing from the DLL that should export it.' }],
  [0xc000013a, { name: 'STATUS_CONTROL_C_EXIT', summary: 'The process was ended by Ctrl+C or a console close.' }],
  [0xc0000142, { name: 'STATUS_DLL_INIT_FAILED', summary: 'A DLL failed its initialization routine.' }],
  [0xc000014b, { name: 'STATUS_PIPE_BROKEN', summary: 'The other end of the pipe was closed.' }],
  [0xc0000185, { name: 'STATUS_IO_DEVICE_ERROR', summary: 'The device failed the I/O request because of a hardware or driver error.' }],
  [0xc0000194, { name: 'STATUS_POSSIBLE_DEADLOCK', summary: 'A wait on a lock timed out and may be a deadlock (a critical section time-out).' }],
  [0xc000021a, { name: 'STATUS_SYSTEM_PROCESS_TERMINATED', summary: 'A critical user-mode system process ended.' }],
  [0xc0000221, { name: 'STATUS_IMAGE_CHECKSUM_MISMATCH', summary: 'An image file on disk does not match its checksum: a damaged or altered file.' }],
  [0xc0000225, { name: 'STATUS_NOT_FOUND', summary: 'The object or entry looked for was not found.' }],
  [0xc0000264, { name: 'STATUS_RESOURCE_NOT_OWNED', summary: 'A resource was released by a thread that does not own it.' }],
  [0xc000026e, { name: 'STATUS_VOLUME_DISMOUNTED', summary: 'The volume was dismounted while the request was in flight.' }],
  [0xc00002b4, { name: 'STATUS_FLOAT_MULTIPLE_FAULTS', summary: 'Several floating-point faults occurred in one SIMD operation.' }],
  [0xc00002b5, { name: 'STATUS_FLOAT_MULTIPLE_TRAPS', summary: 'Several floating-point traps occurred in one SIMD operation.' }],
  [0xc00002b6, { name: 'STATUS_DEVICE_REMOVED', summary: 'The device has been removed.' }],
  [0xc00002c5, { name: 'STATUS_DATATYPE_MISALIGNMENT_ERROR', summary: 'A misaligned access that the processor does not fix up.' }],
  [0xc0000374, { name: 'STATUS_HEAP_CORRUPTION', summary: 'The heap manager found its structures corrupted, often by a buffer overrun or double free.' }],
  [0xc0000409, { name: 'STATUS_STACK_BUFFER_OVERRUN', summary: 'A fail-fast exit: a stack buffer overrun was detected or code called __fastfail.' }],
  [0xc0000417, { name: 'STATUS_INVALID_CRUNTIME_PARAMETER', summary: 'The C runtime was passed an invalid parameter and ended the process.' }],
  [0xc000041d, { name: 'STATUS_FATAL_USER_CALLBACK_EXCEPTION', summary: 'An exception escaped a callback from kernel mode into user mode.' }],
  [0xc0000420, { name: 'STATUS_ASSERTION_FAILURE', summary: 'An assertion failed (NT_ASSERT, or int 0x2c on x86 and x64).' }],
  [0xc0000421, { name: 'STATUS_VERIFIER_STOP', summary: 'Application Verifier stopped the process on a problem it detected.' }],
  [0xc0000602, { name: 'STATUS_FAIL_FAST_EXCEPTION', summary: 'A fail-fast exception ended the process immediately, skipping exception handlers.' }],
])

const SEVERITIES: readonly NtstatusSeverity[] = ['success', 'informational', 'warning', 'error']
const CUSTOMER_BIT = 0x20000000

/**
 * Brings a value as debuggers print it into the 32-bit range: `0xffffffffc0000005` (a 64-bit
 * register holding a sign-extended NTSTATUS) becomes `0xc0000005`. Anything else wider than 32
 * bits is not an NTSTATUS.
 */
export function statusOf(value: U64): number | undefined {
  if (value.hi === 0) return value.lo
  if (value.hi === 0xffffffff && value.lo >= 0x80000000) return value.lo
  return undefined
}

/**
 * Names a common NTSTATUS value, as seen in exception records, IRPs and bugcheck parameters.
 *
 * @example
 *   ntstatusName(0xc0000005) // { name: 'STATUS_ACCESS_VIOLATION', summary: '…' }
 */
export function ntstatusName(status: number): NtstatusInfo | undefined {
  return TABLE.get(status >>> 0)
}

/** The severity held in the two high bits of a 32-bit NTSTATUS value. */
export function ntstatusSeverity(status: number): NtstatusSeverity {
  return SEVERITIES[(status >>> 0) >>> 30] as NtstatusSeverity
}

/**
 * Whether the customer bit (bit 29) is set: such codes are defined by a third party, not by
 * Microsoft, so no Microsoft table can name them.
 */
export function isCustomerNtstatus(status: number): boolean {
  return ((status >>> 0) & CUSTOMER_BIT) !== 0
}

/** The facility, bits 16-27 of a 32-bit NTSTATUS. */
export function ntstatusFacility(status: number): number {
  return ((status >>> 0) >>> 16) & 0xfff
}

/** Every known value, sorted, for tests and for listing. */
export function knownNtstatusValues(): number[] {
  return [...TABLE.keys()].sort((a, b) => a - b)
}
