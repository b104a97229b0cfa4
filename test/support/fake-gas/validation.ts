/** Data validation rules and their builder (SpreadsheetApp.newDataValidation()). */
import { DataValidationCriteria } from './enums';
import type { FakeState } from './state';
import type { FakeValidationRule } from './types';

const NO_RULE: FakeValidationRule = { criteria: 'OTHER', values: [], showDropdown: false, allowInvalid: true, helpText: '' };

export class FakeDataValidation {
  constructor(
    private readonly state: FakeState,
    readonly rule: FakeValidationRule,
  ) {}
  getCriteriaType() {
    this.state.hit('DataValidation.getCriteriaType');
    return (DataValidationCriteria as any)[this.rule.criteria] ?? this.rule.criteria;
  }
  getCriteriaValues() {
    this.state.hit('DataValidation.getCriteriaValues');
    return this.rule.criteria === 'VALUE_IN_LIST'
      ? [[...(this.rule.values as string[])], this.rule.showDropdown]
      : [...this.rule.values];
  }
  getAllowInvalid() {
    this.state.hit('DataValidation.getAllowInvalid');
    return this.rule.allowInvalid;
  }
  getHelpText() {
    this.state.hit('DataValidation.getHelpText');
    return this.rule.helpText;
  }
  copy() {
    this.state.hit('DataValidation.copy');
    return new FakeDataValidationBuilder(this.state, { ...this.rule });
  }
}

export class FakeDataValidationBuilder {
  constructor(
    private readonly state: FakeState,
    private rule: FakeValidationRule = NO_RULE,
  ) {}
  requireValueInList(values: unknown[], showDropdown = true) {
    this.state.hit('DataValidationBuilder.requireValueInList');
    if (!Array.isArray(values) || values.length === 0) this.state.fail('The list of values must not be empty.');
    this.rule = { ...this.rule, criteria: 'VALUE_IN_LIST', values: values.map(String), showDropdown };
    return this;
  }
  requireValueInRange(range: unknown, showDropdown = true) {
    this.state.hit('DataValidationBuilder.requireValueInRange');
    this.rule = { ...this.rule, criteria: 'VALUE_IN_RANGE', values: [range], showDropdown };
    return this;
  }
  requireDate() {
    this.state.hit('DataValidationBuilder.requireDate');
    this.rule = { ...this.rule, criteria: 'DATE_IS_VALID_DATE', values: [] };
    return this;
  }
  requireCheckbox() {
    this.state.hit('DataValidationBuilder.requireCheckbox');
    this.rule = { ...this.rule, criteria: 'CHECKBOX', values: [] };
    return this;
  }
  requireNumberBetween(start: number, end: number) {
    this.state.hit('DataValidationBuilder.requireNumberBetween');
    this.rule = { ...this.rule, criteria: 'NUMBER_BETWEEN', values: [start, end] };
    return this;
  }
  setAllowInvalid(allow: boolean) {
    this.state.hit('DataValidationBuilder.setAllowInvalid');
    this.rule = { ...this.rule, allowInvalid: !!allow };
    return this;
  }
  setHelpText(text: string) {
    this.state.hit('DataValidationBuilder.setHelpText');
    this.rule = { ...this.rule, helpText: String(text) };
    return this;
  }
  build() {
    this.state.hit('DataValidationBuilder.build');
    if (this.rule.criteria === 'OTHER') this.state.fail('You must specify a criteria for the data validation rule.');
    return new FakeDataValidation(this.state, { ...this.rule, values: [...this.rule.values] });
  }
}
