export { DEFAULT_COUNCIL_NAME, demoPopulation, generateDemoCouncil } from './generate-council.ts';
export type { DemoOptions, DemoResult, InjectedFault } from './generate-council.ts';
export { ANNEX_A_HEADERS, csvFileName, sheetName, XLSX_FILE_NAME, FAULTS_FILE_NAME } from './layout.ts';
