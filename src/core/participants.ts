/**
 * `Participants` records (SPEC §2): one typed record per non-empty row, and the index of
 * every ID of the workbook (People).
 */
import { Day, DateCellReader } from './days';
import { CONTRACT_TYPE, ContractType, SEX, SITUATION, Sex, Situation, TRAINING_LEVEL, TrainingLevel } from './lists';
import { parsePhone } from './phones';
import type { ParticipantColumn } from './schema';
import { Table, cellAt, remembered } from './tables';
import { normalizeKey } from './text';
import { CellValue, Parsed, idKey, ok, parseDate, parseInteger, parseList, parseText, parseYesNo, textOf } from './values';

// ---------------------------------------------------------------------------------------
// Records

export interface Participant {
  row: number;
  id: string;
  idKey: string;
  lastName: string;
  firstName: string;
  sex: Parsed<Sex>;
  birthDate: Parsed<Day>;
  /** Cleaned commune text; `communeName` is the territory's canonical spelling when it matches. */
  commune: Parsed<string>;
  communeName: string | null;
  inTerritory: boolean;
  postcode: Parsed<string>;
  qpvResident: Parsed<boolean>;
  qpvDistrict: Parsed<string>;
  /** Canonical district name when the cell matches the list. */
  qpvDistrictName: string | null;
  trainingLevel: Parsed<TrainingLevel>;
  entryDate: Parsed<Day>;
  situation: Parsed<Situation>;
  contractType: Parsed<ContractType>;
  contractMonths: Parsed<number>;
  contractStart: Parsed<Day>;
  exitDate: Parsed<Day>;
  phone: Parsed<string>;
  email: Parsed<string>;
  /** `Âge à l'entrée` (SPEC §11: written by anonymisation; the age when there is no birth date). */
  ageAtEntry: Parsed<number>;
  /** `Anonymisé le`: a readable date marks an anonymised row (SPEC §11). */
  anonymisedOn: Parsed<Day>;
}

/** True for a row anonymised under SPEC §11 (a readable `Anonymisé le`). */
export function isAnonymised(p: Participant): boolean {
  return p.anonymisedOn.status === 'ok';
}

/** Situation with blank read as "En recherche"; invalid stays invalid. */
export function situationOf(p: Participant): Parsed<Situation> {
  return p.situation.status === 'blank' ? STILL_SEARCHING : p.situation;
}
/** Shared (never modified): no object per call, the indicators read it once per beneficiary. */
const STILL_SEARCHING: Parsed<Situation> = ok('En recherche' as Situation);

/**
 * Every ID key of the workbook as a small integer: those of Participants first (row order;
 * the first row of a duplicated ID wins), then those found only in Présences.
 */
export interface People {
  keys: string[];
  indexOf: Map<string, number>;
  /** First Participants record of `keys[k]`, for k < participants.length. */
  participants: Participant[];
}

interface CommuneCell {
  commune: Parsed<string>;
  communeName: string | null;
  inTerritory: boolean;
}
interface DistrictCell {
  qpvDistrict: Parsed<string>;
  qpvDistrictName: string | null;
}

const parseSex = (cell: CellValue) => parseList(cell, SEX);
const parseTrainingLevel = (cell: CellValue) => parseList(cell, TRAINING_LEVEL);
const parseSituation = (cell: CellValue) => parseList(cell, SITUATION);
const parseContractType = (cell: CellValue) => parseList(cell, CONTRACT_TYPE);

/** The ID index, starting with the participants' IDs (the first row of a repeated ID wins). */
export function peopleOf(participantRecords: readonly Participant[]): People {
  const people: People = { keys: [], indexOf: new Map(), participants: [] };
  for (const p of participantRecords) {
    if (p.idKey === '' || people.indexOf.has(p.idKey)) continue;
    people.indexOf.set(p.idKey, people.keys.length);
    people.keys.push(p.idKey);
    people.participants.push(p);
  }
  return people;
}

/** One record per non-empty Participants row (its own function: readWorkbook stays small). */
export function participantRecordsOf(
  participants: Table<ParticipantColumn>,
  dates: DateCellReader,
  territoryLookup: Map<string, string>,
  districtLookup: Map<string, string>,
): Participant[] {
  // Communes and districts repeat a few spellings: each is parsed and looked up once.
  const parseCommune = (cell: CellValue): CommuneCell => {
    const commune = parseText(cell);
    const name = commune.status === 'ok' ? (territoryLookup.get(normalizeKey(commune.value)) ?? null) : null;
    return { commune, communeName: name ?? (commune.status === 'ok' ? commune.value : null), inTerritory: name !== null };
  };
  const parseDistrict = (cell: CellValue): DistrictCell => {
    const qpvDistrict = parseText(cell);
    const name = qpvDistrict.status === 'ok' ? (districtLookup.get(normalizeKey(qpvDistrict.value)) ?? null) : null;
    return { qpvDistrict, qpvDistrictName: name };
  };
  // Each column's spellings, parsed once.
  const communes = new Map<CellValue, CommuneCell>();
  const districts = new Map<CellValue, DistrictCell>();
  const sexes = new Map<CellValue, Parsed<Sex>>();
  const levels = new Map<CellValue, Parsed<TrainingLevel>>();
  const situations = new Map<CellValue, Parsed<Situation>>();
  const contractTypes = new Map<CellValue, Parsed<ContractType>>();
  const yesNo = new Map<CellValue, Parsed<boolean>>();
  const postcodes = new Map<CellValue, Parsed<string>>();
  // Column positions once (-1 when absent: the cell reads as blank).
  const at = (key: ParticipantColumn): number => participants.columns[key] ?? -1;
  const cId = at('id');
  const cLast = at('lastName');
  const cFirst = at('firstName');
  const cSex = at('sex');
  const cBirth = at('birthDate');
  const cCommune = at('commune');
  const cPostcode = at('postcode');
  const cQpv = at('qpvResident');
  const cDistrict = at('qpvDistrict');
  const cLevel = at('trainingLevel');
  const cEntry = at('entryDate');
  const cSituation = at('situation');
  const cType = at('contractType');
  const cMonths = at('contractMonths');
  const cStart = at('contractStart');
  const cExit = at('exitDate');
  const cPhone = at('phone');
  const cEmail = at('email');
  const cAge = at('ageAtEntry');
  const cAnonymised = at('anonymisedOn');
  const values = participants.values;
  const rowNumbers = participants.rowNumbers;
  const records: Participant[] = new Array(rowNumbers.length);
  for (let i = 0; i < rowNumbers.length; i++) {
    const rowNumber = rowNumbers[i];
    const row = values[rowNumber - 1];
    const commune = remembered(communes, cellAt(row, cCommune), parseCommune);
    const district = remembered(districts, cellAt(row, cDistrict), parseDistrict);
    const id = cellAt(row, cId);
    records[i] = {
      row: rowNumber,
      id: textOf(id),
      idKey: idKey(id),
      lastName: textOf(cellAt(row, cLast)),
      firstName: textOf(cellAt(row, cFirst)),
      sex: remembered(sexes, cellAt(row, cSex), parseSex),
      birthDate: parseDate(cellAt(row, cBirth), dates),
      commune: commune.commune,
      communeName: commune.communeName,
      inTerritory: commune.inTerritory,
      postcode: remembered(postcodes, cellAt(row, cPostcode), parseText),
      qpvResident: remembered(yesNo, cellAt(row, cQpv), parseYesNo),
      qpvDistrict: district.qpvDistrict,
      qpvDistrictName: district.qpvDistrictName,
      trainingLevel: remembered(levels, cellAt(row, cLevel), parseTrainingLevel),
      entryDate: parseDate(cellAt(row, cEntry), dates),
      situation: remembered(situations, cellAt(row, cSituation), parseSituation),
      contractType: remembered(contractTypes, cellAt(row, cType), parseContractType),
      contractMonths: parseInteger(cellAt(row, cMonths)),
      contractStart: parseDate(cellAt(row, cStart), dates),
      exitDate: parseDate(cellAt(row, cExit), dates),
      phone: parsePhone(cellAt(row, cPhone)),
      email: parseText(cellAt(row, cEmail)),
      ageAtEntry: parseInteger(cellAt(row, cAge)),
      anonymisedOn: parseDate(cellAt(row, cAnonymised), dates),
    };
  }
  return records;
}
