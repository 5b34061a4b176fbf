/**
 * @ecep/hj212 — HJ 212-2017 (and HJ/T 212-2005, parts of HJ 212-2025) codec: stream framing, CRC,
 * decoding, split-packet reassembly, encoding and a value simulator. Pure: no I/O, clock, env or logging.
 */
export {
  COMMAND_CODES,
  type CommandCode,
  commandInfo,
  DATA_FLAGS,
  EXE_RTN,
  QN_RTN,
  SYSTEM_CODES,
} from './command-codes.js';
export { type ParsedCp, parseCp } from './cp-parser.js';
export { type CrcMode, computeCrc, crc16Hj212, crc16Hj212Bitwise, crc16Modbus, crcHex } from './crc16.js';
export { buildDataPacket, buildDataPackets, type DataPacketInput, type FactorInput } from './data-packet.js';
export { formatDataTime, formatQn, parseDataTime } from './data-time.js';
export {
  type DecodeFrameOptions,
  type DecodeResult,
  decodeFrame,
  decodePacket,
  MAX_SEGMENT_BYTES,
  STANDARD_MAX_SEGMENT_BYTES,
} from './decode.js';
export { type DecodeJson, toDecodeJson } from './decode-json.js';
export { type DecodeStreamOptions, decodeStream } from './decode-stream.js';
export {
  buildDataSegment,
  type CpGroups,
  type CpValue,
  encodeFrame,
  formatCp,
  type SegmentHeader,
} from './encode.js';
export {
  HJ212_ERROR_CODES,
  HJ212_WARNING_CODES,
  type Hj212Error,
  type Hj212ErrorCode,
  type Hj212Result,
  type Hj212Warning,
  type Hj212WarningCode,
} from './errors.js';
export {
  FACTOR_CODE_2005_TO_2017,
  FACTOR_CODES,
  type FactorCode,
  type FactorMedium,
  factorInfo,
  toFactorCode2017,
} from './factor-codes.js';
export { FrameTemplate } from './frame-template.js';
export {
  createFramer,
  FRAME_OVERHEAD_BYTES,
  type FrameEvent,
  type Framer,
  type FramerOptions,
  type SkipCode,
  type Terminator,
} from './framer.js';
export { createPrng } from './prng.js';
export {
  buildDataResponse,
  buildExecutionResult,
  buildNotificationResponse,
  buildRequestResponse,
  type ExeRtn,
  type QnRtn,
  type ReplyTarget,
  replyTo,
} from './replies.js';
export {
  buildHistoryRequest,
  buildSetMinIntervalRequest,
  buildSetRtdIntervalRequest,
  buildSetTimeRequest,
  type HistoryCn,
  MIN_INTERVALS,
  type RequestTarget,
} from './requests.js';
export {
  createSplitReassembler,
  type IncompleteSplit,
  mergeSplitParts,
  type ReassemblyOutcome,
  type SplitReassembler,
  type SplitReassemblerOptions,
  splitKey,
} from './split-reassembler.js';
export {
  createStackSimulator,
  type SimulatedFactor,
  type SimulatedInterval,
  type SimulatedRealtime,
  type StackKind,
  type StackSimulator,
  type StackSimulatorOptions,
} from './stack-simulator.js';
export type { FactorValues, Hj212Packet, Hj212Record, Hj212Version } from './types.js';
