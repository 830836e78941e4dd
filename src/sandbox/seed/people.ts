// Names, phone numbers, e-mails and addresses for seeded people and companies.

import type { Random } from '../random.js';
import {
  FOREIGN_CITIES,
  INTERNATIONAL_PEOPLE,
  PHONE_PATTERNS,
  RU_CITIES,
  RU_FEMALE_FIRST,
  RU_LAST,
  RU_MALE_FIRST,
  feminine,
  latin,
  type CityInfo,
} from './vocabulary.js';
import type { SmartAddress } from './values.js';

export interface Person {
  firstName: string;
  lastName: string;
  country: string;
}

export function russianPerson(random: Random): Person {
  const female = random.chance(0.5);
  const lastName = random.pick(RU_LAST);
  return {
    firstName: random.pick(female ? RU_FEMALE_FIRST : RU_MALE_FIRST),
    lastName: female ? feminine(lastName) : lastName,
    country: 'RU',
  };
}

export function internationalPerson(random: Random, country?: string): Person {
  const pool = country ? INTERNATIONAL_PEOPLE.filter(([, , c]) => c === country) : INTERNATIONAL_PEOPLE;
  const [firstName, lastName, home] = random.pick(pool.length > 0 ? pool : INTERNATIONAL_PEOPLE);
  return { firstName, lastName, country: home };
}

export function phoneNumber(random: Random, country: string): string {
  const pattern = random.pick(PHONE_PATTERNS[country] ?? PHONE_PATTERNS.RU!);
  return pattern.replace(/#/g, () => String(random.int(0, 9)));
}

export function emailLocalPart(random: Random, person: Person): string {
  const first = latin(person.firstName);
  const last = latin(person.lastName);
  if (!last) return `${first}${random.int(10, 99)}`;
  return random.pick([`${first}.${last}`, `${first[0]}.${last}`, `${last}.${first}`, `${first}${last}${random.int(1, 99)}`]);
}

export function cityFor(random: Random, country: string): CityInfo {
  return country === 'RU' ? random.pick(RU_CITIES) : (FOREIGN_CITIES[country] ?? random.pick(RU_CITIES));
}

export function streetLine(random: Random, city: CityInfo): string {
  const street = random.pick(city.streets);
  const russianStyle = city.country === 'RU' || city.country === 'KZ' || city.country === 'UZ';
  return russianStyle ? `${street}, д. ${random.int(1, 120)}` : `${random.int(1, 250)} ${street}`;
}

export function zipFor(random: Random, city: CityInfo): string {
  const digits = city.country === 'RU' ? 6 : 5;
  let zip = city.zip;
  while (zip.replace(/\D/g, '').length < digits && zip.length < 8) zip += String(random.int(0, 9));
  return zip;
}

export function smartAddress(random: Random, country: string): SmartAddress {
  const city = cityFor(random, country);
  return {
    address_line_1: streetLine(random, city),
    ...(random.chance(0.4) ? { address_line_2: random.chance(0.5) ? `офис ${random.int(1, 450)}` : `кв. ${random.int(1, 300)}` } : {}),
    city: city.city,
    state: city.region,
    zip: zipFor(random, city),
    country: city.country,
  };
}

export function postalAddress(random: Random, country: string): string {
  const city = cityFor(random, country);
  const office = random.chance(0.6) ? `, офис ${random.int(1, 900)}` : '';
  return city.country === 'RU'
    ? `${zipFor(random, city)}, г. ${city.city}, ${streetLine(random, city)}${office}`
    : `${streetLine(random, city)}, ${city.city}, ${zipFor(random, city)}`;
}

/** A digit string of that length, not starting with 0. */
export function digits(random: Random, length: number): string {
  let out = String(random.int(1, 9));
  while (out.length < length) out += String(random.int(0, 9));
  return out;
}
