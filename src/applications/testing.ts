// For tests only: a valid application by a natural person (the GB 11643 sample 身份证 number), as the form and
// the API take it; tests spread their own description, address or e-mail over it.
export const SAMPLE_ID_NUMBER = '11010519491231002X';
export const SAMPLE_PHONE = '13812345678';

export const SAMPLE_PERSON = {
  applicantKind: 'person',
  name: '张三',
  idType: 'resident_id_card',
  idNumber: SAMPLE_ID_NUMBER,
  phone: SAMPLE_PHONE,
  address: '山东省济南市历下区解放路12号',
  description: '2024年本市城市更新项目的立项批复文件',
  provision: 'electronic',
  pickup: 'online',
};
